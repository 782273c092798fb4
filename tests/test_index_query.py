"""Reading queries leniently: particles, phrases, exclusions, OR, and garbage."""

from __future__ import annotations

import pytest

from index.query import Clause, parse, strip_particle


@pytest.mark.parametrize(
    ("word", "stem"),
    [("회의록을", "회의록"), ("위원회에서", "위원회"), ("위원회의", "위원회"), ("회의", "회의"), ("심의", "심의"),
     ("교통", "교통"), ("VE", "VE")],
)  # fmt: skip
def test_particles(word, stem):
    assert strip_particle(word) == stem


def test_words_phrases_exclusions_and_or():
    parsed = parse('도시계획 "원안대로 가결" -보류 공원 OR 녹지')
    assert parsed.must == (
        (Clause(("도시계획",)),),
        (Clause(("원안대로", "가결"), phrase=True),),
        (Clause(("공원",)), Clause(("녹지",))),
    )
    assert parsed.must_not == (Clause(("보류",)),)


@pytest.mark.parametrize("garbage", ['"unclosed AND ( OR', "((", "OR AND NOT", '""', "-", "***", ")(", "\x00"])
def test_garbage_never_raises(garbage):
    parse(garbage)
