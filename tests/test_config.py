"""Config: where it is found, what the keys mean, and the exact messages for mistakes."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tradestats.config import (
    Config,
    ConfigError,
    UnknownRuleError,
    find_config,
    load_config,
    resolve_rules,
    with_overrides,
)
from tradestats.rules import RULES

ALL = frozenset(RULES)
GROWTH = frozenset({"TS101", "TS102", "TS103", "TS104", "TS105"})


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def load(tmp_path: Path, table: str) -> Config:
    return load_config(write(tmp_path / ".tradestats.toml", table))


def error_of(tmp_path: Path, table: str) -> str:
    path = write(tmp_path / "pyproject.toml", "[tool.tradestats]\n" + table)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    return str(caught.value)


# --- finding the file -------------------------------------------------------------------


def test_find_walks_up_from_a_file(tmp_path: Path) -> None:
    config = write(tmp_path / "pyproject.toml", "[tool.tradestats]\n")
    document = write(tmp_path / "a" / "b" / "report.md", "text")
    assert find_config(document) == config
    assert find_config(document.parent) == config


def test_tradestats_toml_wins_over_pyproject_in_the_same_directory(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.tradestats]\n")
    own = write(tmp_path / ".tradestats.toml", "")
    assert find_config(tmp_path) == own


def test_nearest_directory_wins_over_file_kind(tmp_path: Path) -> None:
    write(tmp_path / ".tradestats.toml", "")
    near = write(tmp_path / "docs" / "pyproject.toml", "[tool.tradestats]\n")
    assert find_config(tmp_path / "docs") == near


def test_pyproject_without_our_table_is_skipped(tmp_path: Path) -> None:
    outer = write(tmp_path / "pyproject.toml", "[tool.tradestats]\nfail-level = 'info'\n")
    write(tmp_path / "pkg" / "pyproject.toml", "[tool.ruff]\nline-length = 100\n")
    assert find_config(tmp_path / "pkg") == outer


def test_dotted_tool_key_counts_as_our_table(tmp_path: Path) -> None:
    config = write(tmp_path / "pyproject.toml", "tool.tradestats.fail-level = 'info'\n")
    assert find_config(tmp_path) == config


def test_nothing_found(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    assert find_config(tmp_path) is None


def test_find_resolves_relative_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = write(tmp_path / ".tradestats.toml", "")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    assert find_config(Path(".")) == config


# --- loading ------------------------------------------------------------------------------


def test_no_file_is_the_defaults() -> None:
    config = load_config(None)
    assert config == Config()
    assert config.enable is None
    assert config.disable == frozenset()
    assert config.fail_level == "error"
    assert config.extra_tolerance == Decimal(0)
    assert config.source is None
    assert all(config.is_enabled(rule_id) for rule_id in RULES)


def test_pyproject_without_table_loads_defaults(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    assert load_config(path) == Config(source=str(path))


def test_every_key(tmp_path: Path) -> None:
    path = write(
        tmp_path / "pyproject.toml",
        """
[tool.tradestats]
enable = ["growth", "TS301"]
disable = ["growth.multiple"]
severity = { "TS102" = "warning" }
fail-level = "warning"
extra-tolerance = 0.1
exclude = ["drafts/**", "!drafts/keep.md"]
""",
    )
    assert load_config(path) == Config(
        enable=GROWTH | {"TS301"},
        disable=frozenset({"TS103"}),
        severity=(("TS102", "warning"),),
        fail_level="warning",
        extra_tolerance=Decimal("0.1"),
        exclude=("drafts/**", "!drafts/keep.md"),
        source=str(path),
    )


def test_tradestats_toml_is_a_top_level_table(tmp_path: Path) -> None:
    config = load(tmp_path, 'disable = ["TS2"]\n')
    assert config.disable == frozenset({"TS201"})
    assert config.source == str(tmp_path / ".tradestats.toml")


def test_any_other_file_name_reads_as_tradestats_toml(tmp_path: Path) -> None:
    path = write(tmp_path / "ci.toml", 'fail-level = "info"\n')
    assert load_config(path).fail_level == "info"


def test_config_is_hashable() -> None:
    config = Config(severity=(("TS102", "info"), ("TS101", "warning")))
    assert hash(config) == hash(Config(severity=(("TS101", "warning"), ("TS102", "info"))))


# --- rule references ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("names", "ids"),
    [
        (["TS101"], {"TS101"}),
        (["ts101"], {"TS101"}),
        (["TS1"], GROWTH),
        (["TS10"], GROWTH),
        (["TS3"], {"TS301", "TS302", "TS303"}),
        (["TS"], ALL),
        (["growth.rate"], {"TS101"}),
        (["Growth.Rate"], {"TS101"}),
        (["growth"], GROWTH),
        (["identity"], {"TS301", "TS302", "TS303"}),
        (["rate.points", "TS301"], {"TS201", "TS301"}),
        ([], set()),
    ],
)
def test_resolve_rules(names: list[str], ids: set[str]) -> None:
    assert resolve_rules(names) == frozenset(ids)


@pytest.mark.parametrize("name", ["TS999", "TS5", "TS1010", "grow", "growth.", "rate.", "", "X1"])
def test_unknown_rule_references(name: str) -> None:
    with pytest.raises(UnknownRuleError) as caught:
        resolve_rules([name])
    assert caught.value.rule == name


def test_unknown_rule_suggests_a_close_name() -> None:
    with pytest.raises(UnknownRuleError, match=r"^unknown rule 'growth.rat' \(did you mean "):
        resolve_rules(["growth.rat"])


# --- policy: enabled rules, severities, failing ----------------------------------------


def test_enable_lists_only_those_and_disable_wins(tmp_path: Path) -> None:
    config = load(tmp_path, 'enable = ["TS1"]\ndisable = ["TS104"]\n')
    assert {r for r in RULES if config.is_enabled(r)} == {"TS101", "TS102", "TS103", "TS105"}


def test_a_selection_of_no_rule_is_refused_not_a_silent_pass(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"\.tradestats\.toml: no rule left to run"):
        load(tmp_path, "enable = []\n")
    with pytest.raises(ConfigError, match="no rule left to run"):
        load(tmp_path, 'disable = ["TS"]\n')


def test_severity_override_else_rule_default(tmp_path: Path) -> None:
    config = load(tmp_path, '[severity]\n"growth.direction" = "warning"\nTS301 = "info"\n')
    assert config.severity == (("TS102", "warning"), ("TS301", "info"))
    assert config.severity_of("TS102") == "warning"
    assert config.severity_of("TS301") == "info"
    assert config.severity_of("TS101") == RULES["TS101"].severity == "error"


def test_narrower_severity_reference_wins_in_either_order(tmp_path: Path) -> None:
    for table in ('TS1 = "info"\nTS101 = "warning"\n', 'TS101 = "warning"\nTS1 = "info"\n'):
        config = load(tmp_path, "[severity]\n" + table)
        assert config.severity == (
            ("TS101", "warning"),
            ("TS102", "info"),
            ("TS103", "info"),
            ("TS104", "info"),
            ("TS105", "info"),
        )


@pytest.mark.parametrize(
    ("fail_level", "failing"),
    [
        ("info", {"info", "warning", "error"}),
        ("warning", {"warning", "error"}),
        ("error", {"error"}),
    ],
)
def test_fails_at_or_above_fail_level(fail_level: str, failing: set[str]) -> None:
    config = Config(fail_level=fail_level)
    assert {s for s in ("info", "warning", "error") if config.fails(s)} == failing


def test_fails_rejects_unknown_severity() -> None:
    with pytest.raises(ValueError, match="unknown severity 'fatal'"):
        Config().fails("fatal")


# --- extra-tolerance is exact ------------------------------------------------------------


@pytest.mark.parametrize(
    ("toml_value", "expected"),
    [
        ("0.1", "0.1"),
        ('"0.1"', "0.1"),
        ("0.3", "0.3"),
        ("1", "1"),
        ('"0.25"', "0.25"),
        ("0", "0"),
    ],
)
def test_extra_tolerance_is_exact(tmp_path: Path, toml_value: str, expected: str) -> None:
    tolerance = load(tmp_path, f"extra-tolerance = {toml_value}\n").extra_tolerance
    assert isinstance(tolerance, Decimal)
    assert str(tolerance) == expected
    assert tolerance == Decimal(expected)


# --- mistakes: one line naming the file and the problem ----------------------------------


def test_unknown_key_message(tmp_path: Path) -> None:
    message = error_of(tmp_path, 'fail_levle = "warning"\n')
    assert message == (
        f"{tmp_path / 'pyproject.toml'}: [tool.tradestats] unknown key 'fail_levle' "
        "(known: disable, enable, exclude, extra-tolerance, fail-level, severity)"
    )


def test_unknown_key_in_tradestats_toml_has_no_table_name(tmp_path: Path) -> None:
    path = write(tmp_path / ".tradestats.toml", "fail_level = 'info'\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).startswith(f"{path}: unknown key 'fail_level' (known: ")


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        ('enable = "TS101"\n', "enable: expected a list of strings, got string 'TS101'"),
        ("disable = [101]\n", "disable: expected a list of strings, got array [101]"),
        ('enable = ["TS999"]\n', "enable: unknown rule 'TS999'"),
        ('disable = ["growth.rat"]\n', "disable: unknown rule 'growth.rat' (did you mean "),
        ('severity = "warning"\n', "severity: expected a table of rule = level, got string"),
        ('severity = { TS999 = "info" }\n', "severity: unknown rule 'TS999'"),
        (
            'severity = { "growth.rate" = "fatal" }\n',
            "severity: unknown level 'fatal' for 'growth.rate' (known: info, warning, error)",
        ),
        ('fail-level = "fatal"\n', "fail-level: unknown level 'fatal' (known: info, warning, "),
        ("fail-level = 2\n", "fail-level: unknown level integer 2 (known: "),
        (
            'extra-tolerance = "a lot"\n',
            "extra-tolerance: expected a number of percentage points, got string 'a lot'",
        ),
        (
            'extra-tolerance = "1_0"\n',
            "extra-tolerance: expected a number of percentage points, got string '1_0'",
        ),
        ("extra-tolerance = true\n", "extra-tolerance: expected a number of percentage points"),
        ("extra-tolerance = nan\n", "extra-tolerance: expected a number of percentage points"),
        ("extra-tolerance = -0.5\n", "extra-tolerance: must not be negative, got -0.5"),
        ("exclude = [1]\n", "exclude: expected a list of strings, got array [1]"),
    ],
)
def test_invalid_values(tmp_path: Path, table: str, problem: str) -> None:
    message = error_of(tmp_path, table)
    assert message.startswith(f"{tmp_path / 'pyproject.toml'}: [tool.tradestats] {problem}")
    assert "\n" not in message


def test_tool_tradestats_must_be_a_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[tool]\ntradestats = 1\n")
    with pytest.raises(ConfigError, match=r"\[tool.tradestats\] expected a table, got integer 1$"):
        load_config(path)


def test_invalid_toml_names_file_and_tomllib_message(tmp_path: Path) -> None:
    path = write(tmp_path / ".tradestats.toml", "enable = [\n'TS101' 'TS102']\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value) == (f"{path}: invalid TOML: Unclosed array (at line 2, column 9)")


def test_invalid_pyproject_stops_the_search(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[tool.tradestats\n")
    with pytest.raises(ConfigError, match=f"^{path}: invalid TOML: "):
        find_config(tmp_path)


def test_direct_construction_is_validated() -> None:
    with pytest.raises(ConfigError, match=r"^<config>: enable: unknown rule id 'growth.rate'$"):
        Config(enable=frozenset({"growth.rate"}))
    with pytest.raises(ConfigError, match=r"^x/pyproject.toml: \[tool.tradestats\] fail-level: "):
        Config(fail_level="fatal", source="x/pyproject.toml")
    with pytest.raises(ConfigError, match=r"^<config>: extra-tolerance: must not be negative"):
        Config(extra_tolerance=Decimal("-1"))
    with pytest.raises(ConfigError, match=r"^<config>: severity: unknown level 'high' for 'TS101'"):
        Config(severity=(("TS101", "high"),))


# --- command-line flags --------------------------------------------------------------------


def test_flags_win_over_the_file(tmp_path: Path) -> None:
    config = load(
        tmp_path,
        'enable = ["TS1"]\ndisable = ["TS201"]\nfail-level = "error"\nextra-tolerance = 0.1\n',
    )
    changed = with_overrides(config, enable=["TS3"], fail_level="warning", extra_tolerance="0.25")
    assert changed.enable == frozenset({"TS301", "TS302", "TS303"})
    assert changed.disable == frozenset({"TS201"})
    assert changed.fail_level == "warning"
    assert changed.extra_tolerance == Decimal("0.25")
    assert changed.source == config.source


def test_disable_flag_adds_to_the_file(tmp_path: Path) -> None:
    config = load(tmp_path, 'disable = ["TS201"]\n')
    changed = with_overrides(config, disable=["growth.rate,TS3"])
    assert changed.disable == frozenset({"TS201", "TS101", "TS301", "TS302", "TS303"})
    assert changed.enable is None


def test_enable_flag_undoes_the_files_disable(tmp_path: Path) -> None:
    config = load(tmp_path, 'disable = ["TS1"]\n')
    changed = with_overrides(config, enable=["TS101"])
    assert changed.disable == frozenset({"TS102", "TS103", "TS104", "TS105"})
    assert changed.is_enabled("TS101")


def test_no_flags_change_nothing(tmp_path: Path) -> None:
    config = load(tmp_path, 'disable = ["TS1"]\nextra-tolerance = "0.1"\n')
    assert with_overrides(config) == config


def test_float_flag_tolerance_is_exact() -> None:
    assert with_overrides(Config(), extra_tolerance=0.1).extra_tolerance == Decimal("0.1")


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        ({"enable": ["TS999"]}, "--enable: unknown rule 'TS999'"),
        ({"disable": ["nope"]}, "--disable: unknown rule 'nope'"),
        (
            {"fail_level": "fatal"},
            "--fail-level: unknown level 'fatal' (known: info, warning, error)",
        ),
        ({"extra_tolerance": "-1"}, "--extra-tolerance: must not be negative, got -1"),
    ],
)
def test_bad_flags_name_the_flag(flags: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        with_overrides(Config(source="pyproject.toml"), **flags)  # type: ignore[arg-type]
    assert str(caught.value) == message
