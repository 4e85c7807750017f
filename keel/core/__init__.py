"""Workspaces, memberships, the permission table, audit events and base models."""
