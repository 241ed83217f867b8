"""A trained torch MLP counted through the package (exported to ONNX by it) and through the CLI (its
weights written to the project's JSON by the test) gives the same numbers."""
import numpy as np

import relu_regions as rr

BOX = [(-1.5, 2.5), (-1.0, 1.5)]
BOX_OPTION = "--box=-1.5:2.5,-1.0:1.5"


def test_count_exact_of_a_trained_mlp_equals_the_cli_count_in_a_box(trained_mlp, mlp_json, cli):
    result = rr.count_exact(trained_mlp, box=BOX)
    code, report, _, _ = cli("count", "exact", mlp_json, BOX_OPTION, "--json")
    assert code == 0 and report["complete"]
    assert result.regions == report["regions"]
    assert isinstance(result.regions, int) and result.regions > 20  # trained: many regions
    assert result.complete and result.status is rr.Status.EXACT and result.exit_code == 0
    assert result.stop_reason == "finished"
    assert result.network.hidden_widths == report["network"]["hiddenWidths"] == [16, 16]
    assert result.domain.lower == report["domain"]["lower"]
    assert [b.value for b in result.bounds] == [b["value"] for b in report["bounds"]]
    assert result.regions <= result.tightest_bound.value


def test_count_exact_in_an_l2_ball_equals_the_cli_count(trained_mlp, mlp_json, cli):
    result = rr.count_exact(trained_mlp, ball=((0.5, 0.25), 0.75), norm="l2")
    code, report, _, _ = cli("count", "exact", mlp_json, "--center=0.5,0.25", "--radius=0.75", "--norm=l2",
                             "--json")
    assert code == 0
    assert (result.regions, result.complete) == (report["regions"], report["complete"])
    assert result.domain.type == "ball" and result.domain.radius == 0.75


def test_count_probabilistic_with_a_seed_equals_the_cli(trained_mlp, mlp_json, cli):
    result = rr.count_probabilistic(trained_mlp, box=BOX, method="both", seed=7)
    code, report, _, _ = cli("count", "probabilistic", mlp_json, BOX_OPTION, "--method=both", "--seed=7",
                             "--json")
    assert code == 0
    assert (result.lower_bound, result.estimate, result.exact) == (
        report["lowerBound"], report.get("estimate"), report["exact"])
    assert result.lower_bound > 0 and result.seed == 7
    assert result.status is (rr.Status.EXACT if report["exact"] else rr.Status.ESTIMATE)
    assert result.lower_bound_details.levels is not None


def test_bounds_equal_the_cli(trained_mlp, mlp_json, cli):
    result = rr.bounds(trained_mlp, box=BOX)
    code, report, _, _ = cli("bounds", mlp_json, BOX_OPTION, "--json")
    assert code == 0
    assert {b.name: b.value for b in result.bounds} == {b["name"]: b["value"] for b in report["bounds"]}
    assert result["zhu2020"].value is None and result["zhu2020"].reason
    assert result.tightest_bound.value == min(b["value"] for b in report["bounds"] if b["value"] is not None)


def test_count_local_of_an_array_equals_the_cli_on_the_same_points(trained_mlp, mlp_json, moons, cli, tmp_path):
    points = moons[0][:6]
    labels = [str(int(c)) for c in moons[1][:6]]
    result = rr.count_local(trained_mlp, points, [0.1, 0.4], norm="linf", labels=labels)
    csv = tmp_path / "points.csv"
    csv.write_text("x0,x1,label\n" + "".join(f"{float(x)!r},{float(y)!r},{c}\n"
                                              for (x, y), c in zip(points, labels)))
    code, report, _, _ = cli("count", "local", mlp_json, f"--points={csv}", "--radius=0.1,0.4", "--norm=linf",
                             "--json")
    assert code == 0 and result.complete and result.status is rr.Status.EXACT
    mine = sorted((r.point, r.radius, r.label, r.regions) for r in result.rows)
    theirs = sorted((r["point"], r["radius"], r["label"], r["regions"]) for r in report["rows"])
    assert mine == theirs and len(mine) == 12
    assert result.regions(0.4) == [row[3] for row in mine if row[1] == 0.4]
    assert sum(result.regions(0.4)) > sum(result.regions(0.1))  # a larger ball holds more regions
    assert [s.mean for s in result.summary] == [s["mean"] for s in report["summary"]]


def test_plot_slice_draws_as_many_regions_as_count_exact_finds(trained_mlp, tmp_path, cli, mlp_json):
    picture = rr.plot_slice(trained_mlp, tmp_path / "slice.png", box=BOX, points=np.array([[0.0, 0.0]]),
                            labels=[1], width=200)
    code, _, _, stdout = cli("plot", "slice", mlp_json, BOX_OPTION, f"--out={tmp_path / 'cli.png'}",
                             "--width=200", check_json=False)
    assert code == 0
    cli_regions = int(stdout.split(": ", 1)[1].split()[0])
    assert picture.regions == cli_regions > 20
    assert picture.complete and picture.area_gap is not None and picture.area_gap < 1e-9
    assert (tmp_path / "slice.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert picture._repr_png_()[:4] == b"\x89PNG"


def test_the_jar_named_by_the_environment_variable_counts_the_same(trained_mlp, repo, monkeypatch):
    through_launcher = rr.count_exact(trained_mlp, box=BOX)  # the launcher builds the jar if need be
    jar = repo / "target" / "relu-regions.jar"
    assert jar.is_file()
    monkeypatch.setenv("RELU_REGIONS", str(jar))
    assert rr._tool.command()[-2:] == ["-jar", str(jar)]
    assert rr.count_exact(trained_mlp, box=BOX).regions == through_launcher.regions
