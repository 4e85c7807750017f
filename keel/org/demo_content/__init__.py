"""The Chinese content of the org demo seeder: one module per language, the same names."""
