"""The Chinese content of the tasks demo seeder: one module per language, the same names."""
