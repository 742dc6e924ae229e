"""Coordinates: Indonesia's extent, great-circle distance and the bounding box of a radius.

Coordinates are floats (a position, not an amount). Candidate generation uses bounding boxes on
indexed latitude/longitude columns, then the exact haversine distance on the few rows left.
"""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE_LAT = 111.195

# Roughly Indonesia's extent (domain handbook section 2), used as a sanity check on positions.
INDONESIA_LAT = (-11.0, 6.0)
INDONESIA_LON = (95.0, 141.0)


def inside_indonesia(latitude: float, longitude: float) -> bool:
    return (
        INDONESIA_LAT[0] <= latitude <= INDONESIA_LAT[1]
        and INDONESIA_LON[0] <= longitude <= INDONESIA_LON[1]
    )


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(latitude: float, longitude: float, radius_km: float) -> tuple[float, ...]:
    """(min_lat, max_lat, min_lon, max_lon) enclosing every point within ``radius_km``."""
    dlat = radius_km / KM_PER_DEGREE_LAT
    cos_lat = max(math.cos(math.radians(latitude)), 0.01)
    dlon = min(radius_km / (KM_PER_DEGREE_LAT * cos_lat), 180.0)
    return latitude - dlat, latitude + dlat, longitude - dlon, longitude + dlon
