"""The Chinese content of the accounts demo seeder: one module per language, the same names."""
