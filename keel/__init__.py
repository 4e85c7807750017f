"""Keel: the operating system for small e-commerce teams."""
