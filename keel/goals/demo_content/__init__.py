"""The Chinese content of the goals demo seeder: one module per language, the same names."""
