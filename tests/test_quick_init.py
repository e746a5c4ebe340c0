"""The quicker ``__init__`` of Figure and Sentence behaves as the dataclass's own would."""

from __future__ import annotations

import dataclasses
import inspect
from decimal import Decimal

import pytest

from tradestats.models import Figure, quick_init
from tradestats.segment import Sentence


def _plain_twin(cls: type) -> type:
    """The same fields in a frozen dataclass that keeps the generated ``__init__``."""
    spec = [
        (f.name, f.type, dataclasses.field(default=f.default))
        if f.default is not dataclasses.MISSING
        else (f.name, f.type)
        for f in dataclasses.fields(cls)
    ]
    return dataclasses.make_dataclass(cls.__name__, spec, frozen=True, slots=True)


@pytest.mark.parametrize("cls", [Figure, Sentence])
def test_signature_and_defaults_are_the_dataclass_own(cls: type) -> None:
    assert str(inspect.signature(cls)) == str(inspect.signature(_plain_twin(cls)))


def test_a_figure_holds_what_it_was_given_and_refuses_change() -> None:
    figure = Figure(
        "$5 bn", 3, 8, 1, 4, "money", Decimal("5E9"), "USD", "5", Decimal("1E9"), flow="exports"
    )
    twin = _plain_twin(Figure)(
        "$5 bn", 3, 8, 1, 4, "money", Decimal("5E9"), "USD", "5", Decimal("1E9"), flow="exports"
    )
    assert dataclasses.astuple(figure) == dataclasses.astuple(twin)
    assert figure.path == "<string>" and figure.partner is None and figure.expectation is False
    with pytest.raises(dataclasses.FrozenInstanceError):
        figure.value = Decimal(6)  # type: ignore[misc]
    moved = dataclasses.replace(figure, start=10, end=15)
    assert (moved.start, moved.end, moved.flow) == (10, 15, "exports")
    assert moved == dataclasses.replace(moved) and moved != figure
    assert hash(moved) == hash(dataclasses.replace(moved))


def test_arguments_are_checked_as_the_dataclass_checks_them() -> None:
    with pytest.raises(TypeError):
        Sentence(1, 2)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Sentence(1, 2, 3, paragraph=4)  # type: ignore[misc]
    assert Sentence(end=2, start=1, paragraph=0) == Sentence(1, 2, 0)


def test_a_class_it_cannot_speed_up_keeps_its_own_init() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        value: int

        def __post_init__(self) -> None:
            if self.value < 0:
                raise ValueError("negative")

    generated = Checked.__init__
    assert quick_init(Checked).__init__ is generated
    with pytest.raises(ValueError):
        Checked(-1)

    @dataclasses.dataclass(frozen=True, slots=True)
    class Listed:
        items: list[int] = dataclasses.field(default_factory=list)

    generated = Listed.__init__
    assert quick_init(Listed).__init__ is generated
    assert Listed().items == [] and Listed().items is not Listed().items
