"""RAT (rapat anggota tahunan): a cooperative's annual members' meetings and the financial
statements they approved."""
