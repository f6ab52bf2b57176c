"""Pipeline stages: one module per stage, plain functions over Arrow tables, each wrapped
by a thin Prefect @task in flows/."""
