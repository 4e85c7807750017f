"""Upgrades run `keel migrate` while the old version still serves: expand, then contract.

Every migration that is not yet released (not in deploy/released-migrations.txt) may add
tables and nullable (or database-defaulted) columns, but may not drop, rename or narrow
anything the running old version still reads or writes. A migration that must do so anyway
declares why at module level: `SAFE_TO_RUN_WHILE_OLD_VERSION_SERVES = "<reason>"`.
The rule and how to extend the baseline at a release are in docs/deployment.md ("Upgrades").
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

import pytest
from django.db import connection, migrations, models
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations.base import Operation
from django.db.migrations.state import ProjectState

BASELINE = Path(__file__).resolve().parents[3] / "deploy" / "released-migrations.txt"
MARKER = "SAFE_TO_RUN_WHILE_OLD_VERSION_SERVES"

# Operations that always break the old version: it still selects, inserts into or joins
# on what they remove or rename.
ALWAYS_UNSAFE = (
    migrations.RemoveField,
    migrations.RenameField,
    migrations.RenameModel,
    migrations.DeleteModel,
    migrations.AlterModelTable,
)


def released() -> set[tuple[str, str]]:
    """(app_label, migration_name) of each line of the baseline; blanks and comments skipped."""
    keys = set()
    for line in BASELINE.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            app, _, name = line.partition(".")
            keys.add((app, name))
    return keys


def _field_problem(old: models.Field, new: models.Field) -> str | None:
    """Why changing the column from `old` to `new` breaks the old version, or None."""
    if old.get_attname_column()[1] != new.get_attname_column()[1]:
        return "renames the column"
    if old.null and not new.null:
        return "makes the column NOT NULL (the old version may still write NULL)"
    old_type, new_type = old.db_type(connection), new.db_type(connection)
    if old_type == new_type:
        return None
    # Widening text is safe: the old version's values all still fit.
    if isinstance(old, models.CharField) and isinstance(new, models.TextField):
        return None
    if type(old) is type(new) and isinstance(old, models.CharField):
        if (new.max_length or 0) >= (old.max_length or 0):
            return None
        return "shortens the column"
    return f"changes the column type ({old_type} → {new_type})"


def unsafe_operations(
    operations: Iterable[Operation],
    *,
    app_label: str,
    state: ProjectState,
    new_models: set[tuple[str, str]],
) -> list[str]:
    """Problems of `operations` (one migration), walking `state` forward as it goes.

    `new_models` holds (app_label, model_name) of tables created in this release: the old
    version never reads them, so anything goes there. It is extended by CreateModel.
    """
    problems: list[str] = []
    for operation in operations:
        if isinstance(operation, migrations.SeparateDatabaseAndState):
            problems += unsafe_operations(
                operation.database_operations,
                app_label=app_label,
                state=state.clone(),
                new_models=new_models,
            )
            operation.state_forwards(app_label, state)
            continue
        model_name = getattr(operation, "model_name", None) or getattr(operation, "name", "")
        key = (app_label, str(model_name).lower())
        if isinstance(operation, migrations.CreateModel):
            new_models.add(key)
        elif key in new_models:
            pass
        elif isinstance(operation, ALWAYS_UNSAFE):
            problems.append(f"{operation.describe()}: the old version still uses it")
        elif isinstance(operation, migrations.AddField):
            field = operation.field
            required = not field.null and field.db_default is models.NOT_PROVIDED
            if required and not field.many_to_many:
                problems.append(
                    f"{operation.describe()}: NOT NULL without db_default, so the old "
                    "version's inserts fail"
                )
        elif isinstance(operation, migrations.AlterField):
            old = state.models[key].fields[operation.name]
            problem = _field_problem(old, operation.field)
            if problem:
                problems.append(f"{operation.describe()}: {problem}")
        operation.state_forwards(app_label, state)
    return problems


def _keel_migrations(loader: MigrationLoader) -> list[tuple[str, str]]:
    return sorted(
        key
        for key, migration in loader.disk_migrations.items()
        if migration.__module__.startswith("keel.")
    )


def test_every_unreleased_migration_can_run_while_the_old_version_serves() -> None:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    baseline = released()
    new_models: set[tuple[str, str]] = set()
    failures: list[str] = []
    # In dependency order, so a model created earlier in this release counts as new.
    plan: list[tuple[str, str]] = []
    for leaf in loader.graph.leaf_nodes():
        plan += [key for key in loader.graph.forwards_plan(leaf) if key not in plan]
    keel_keys = set(_keel_migrations(loader))
    for key in plan:
        if key not in keel_keys or key in baseline:
            continue
        migration = loader.graph.nodes[key]
        reason = getattr(sys.modules[migration.__module__], MARKER, "")
        state = loader.project_state(key, at_end=False)
        problems = unsafe_operations(
            migration.operations, app_label=key[0], state=state, new_models=new_models
        )
        if problems and not (isinstance(reason, str) and reason.strip()):
            failures += [f"{key[0]}.{key[1]}: {problem}" for problem in problems]
    assert not failures, (
        "Migrations that break the version still serving during an upgrade (expand, then "
        "contract: docs/deployment.md). Drop or rename in a later release, or declare "
        f"{MARKER} = '<why it is safe>' in the migration:\n  " + "\n  ".join(failures)
    )


def test_the_baseline_names_only_migrations_that_exist() -> None:
    """A typo in the baseline would silently exempt nothing and hide a stale entry."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    missing = released() - set(_keel_migrations(loader))
    assert not missing, f"deploy/released-migrations.txt names unknown migrations: {missing}"


# --- The checker itself ----------------------------------------------------------------------


def _state_with_item() -> ProjectState:
    state = ProjectState()
    migrations.CreateModel(
        "Item",
        fields=[
            ("id", models.BigAutoField(primary_key=True)),
            ("title", models.CharField(max_length=100)),
            ("note", models.CharField(max_length=100, null=True)),
            ("count", models.IntegerField(default=0)),
        ],
    ).state_forwards("shop", state)
    return state


def _check(*operations: Operation, new_models: set[tuple[str, str]] | None = None) -> list[str]:
    return unsafe_operations(
        operations, app_label="shop", state=_state_with_item(), new_models=new_models or set()
    )


@pytest.mark.parametrize(
    "operation",
    [
        migrations.RemoveField("item", "note"),
        migrations.RenameField("item", "title", "name"),
        migrations.RenameModel("Item", "Thing"),
        migrations.DeleteModel("Item"),
        migrations.AlterModelTable("item", "shop_things"),
        migrations.AddField("item", "sku", models.CharField(max_length=20, default="")),
        migrations.AlterField("item", "note", models.CharField(max_length=100)),
        migrations.AlterField("item", "title", models.CharField(max_length=50)),
        migrations.AlterField("item", "title", models.IntegerField()),
        migrations.AlterField("item", "count", models.IntegerField(db_column="n")),
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RemoveField("item", "note")]
        ),
    ],
    ids=lambda op: op.describe(),
)
def test_contracting_operations_are_flagged(operation: Operation) -> None:
    assert _check(operation)


@pytest.mark.parametrize(
    "operation",
    [
        migrations.AddField("item", "sku", models.CharField(max_length=20, null=True)),
        migrations.AddField("item", "sku", models.CharField(max_length=20, db_default="")),
        migrations.AlterField("item", "title", models.CharField(max_length=200)),
        migrations.AlterField("item", "title", models.TextField()),
        migrations.AlterField("item", "title", models.CharField(max_length=100, null=True)),
        migrations.AddIndex("item", models.Index(fields=["title"], name="item_title")),
        migrations.CreateModel("Other", fields=[("id", models.BigAutoField(primary_key=True))]),
    ],
    ids=lambda op: op.describe(),
)
def test_expanding_operations_pass(operation: Operation) -> None:
    assert _check(operation) == []


def test_anything_goes_on_a_table_created_in_the_same_release() -> None:
    new = {("shop", "item")}
    assert _check(migrations.RemoveField("item", "note"), new_models=new) == []
    assert (
        _check(
            migrations.CreateModel("Fresh", fields=[("id", models.BigAutoField(primary_key=True))]),
            migrations.AddField("fresh", "sku", models.CharField(max_length=20, default="")),
            migrations.DeleteModel("Fresh"),
        )
        == []
    )
