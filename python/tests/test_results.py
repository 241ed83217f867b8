"""Reading reports: unknown fields are kept, missing ones are None, counts stay exact ints."""
import json

import relu_regions as rr
from relu_regions.results import parse


def test_fields_a_newer_tool_adds_are_kept_in_extra():
    report = parse(rr.ExactCount, {"regions": 5, "complete": True, "aNewField": [1, 2],
                                   "network": {"file": "n.json", "layerKinds": ["relu"]}})
    assert report.regions == 5 and report.extra == {"aNewField": [1, 2]}
    assert report.network.file == "n.json" and report.network.extra == {"layerKinds": ["relu"]}
    assert report.stats is None and report.stop_reason is None


def test_huge_bounds_stay_exact_integers():
    report = parse(rr.BoundsReport, json.loads('{"bounds": [{"name": "trivial", "value": 4722366482869645213697}]}'))
    assert report["trivial"].value == 2 ** 72 + 1 and report.tightest_bound.name == "trivial"
