"""Settings › Roles: the role matrix, its switches, who holds each role, and a preview per person."""
