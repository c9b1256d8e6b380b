"""Statement groups: the earlier reports looked up by their words find the same first match as
comparing a new report with each of them in turn."""

from __future__ import annotations

import random

import pytest

from claimsdb.resolve import groups


def _linked(reports: list[tuple], cut: int, order: random.Random) -> tuple[dict[int, int], list]:
    stored = [groups._report(*r) for r in reports[:cut]]
    new = [groups._report(*r) for r in reports[cut:]]
    order.shuffle(new)
    found: dict[int, int] = {}
    groups._link(found, stored, new)
    return found, [r.group for r in stored + new]


@pytest.mark.parametrize("seed", range(4))
def test_indexed_reports_give_the_same_groups_as_one_by_one(monkeypatch, seed):
    rng = random.Random(seed)
    vocab = "the minister said we will not accept this deal now".split()
    for trial in range(150):
        base = [rng.choice(vocab) for _ in range(rng.randint(0, 9))]
        reports = []
        for claim_id in range(rng.randint(1, 40)):
            words = list(base)
            for _ in range(rng.randint(0, 3)):  # near-identical: a word dropped, added or changed
                at = rng.randint(0, len(words))
                if rng.random() < 0.4 and words:
                    words.pop(at - 1)
                else:
                    words.insert(at, rng.choice(vocab))
            day = rng.choice([None, "2024-03-01", "2024-03-03", "2024-03-05", "2024-03-09"])
            reports.append((claim_id, None, rng.randint(0, 5), day, " ".join(words)))
        cut = rng.randint(0, len(reports))
        monkeypatch.setattr(groups, "_INDEXED_PAIRS", 10**9)
        one_by_one = _linked(reports, cut, random.Random(trial))
        monkeypatch.setattr(groups, "_INDEXED_PAIRS", 0)
        assert _linked(reports, cut, random.Random(trial)) == one_by_one
