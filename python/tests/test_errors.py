"""Every way a call can fail raises a Python exception carrying the tool's own error line and hint."""
import pytest
import torch

import relu_regions as rr

NETWORK = "testdata/example_2x8x8.json"


def error_lines(stderr):
    lines = stderr.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("error: "))
    hint = lines[at + 1] if at + 1 < len(lines) and lines[at + 1].startswith("Maybe") else None
    return lines[at][len("error: "):], hint


@pytest.fixture(autouse=True)
def in_repo(repo, monkeypatch):
    monkeypatch.chdir(repo)


def test_a_missing_network_file_is_an_input_error_with_the_tools_message(cli):
    with pytest.raises(rr.InputError) as refused:
        rr.count_exact("testdata/no-such-network.json", box=(-1, 1))
    code, _, stderr, _ = cli("count", "exact", "testdata/no-such-network.json", "--box=-1:1", "--json")
    assert refused.value.exit_code == code == 3
    assert (refused.value.message, refused.value.hint) == error_lines(stderr)
    assert "does not exist" in refused.value.message
    assert "testdata/no-such-network.json" in refused.value.command


def test_a_box_of_the_wrong_dimension_carries_the_maybe_hint(cli):
    with pytest.raises(rr.InputError) as refused:
        rr.count_exact(NETWORK, box=[(-1, 1)] * 3)
    code, _, stderr, _ = cli("count", "exact", NETWORK, "--box=-1.0:1.0,-1.0:1.0,-1.0:1.0", "--json")
    assert (refused.value.message, refused.value.hint) == error_lines(stderr)
    assert refused.value.hint.startswith("Maybe")
    assert str(refused.value) == f"{refused.value.message}\n{refused.value.hint}"


def test_a_bad_value_is_an_input_error():
    with pytest.raises(rr.InputError) as refused:
        rr.count_probabilistic(NETWORK, box=(-2, 2), confidence=1.5)
    assert "1.5" in refused.value.message and refused.value.hint.startswith("Maybe")
    with pytest.raises(rr.InputError, match="radius is -1.0"):
        rr.count_exact(NETWORK, ball=((0, 0), -1))


def test_points_of_the_wrong_width_are_refused_by_count_local():
    with pytest.raises(rr.InputError, match="4 columns but the network has 2 inputs"):
        rr.count_local(NETWORK, [[0.0, 0.0, 0.0, 0.0]], 0.1)  # 2 coordinates and a label would be 3


def test_an_operator_the_reader_does_not_support_names_the_node():
    model = torch.nn.Sequential(torch.nn.Linear(2, 4), torch.nn.Tanh(), torch.nn.Linear(4, 1))
    with pytest.raises(rr.InputError) as refused:
        rr.count_exact(model, box=(-1, 1))
    assert "Tanh" in refused.value.message and refused.value.exit_code == 3


def test_an_option_the_tool_refuses_is_a_usage_error():
    with pytest.raises(rr.UsageError) as refused:
        rr.count_exact(NETWORK, box=(-1, 1), engine="fastest")
    assert refused.value.exit_code == 2 and "--engine" in refused.value.message
    with pytest.raises(rr.UsageError, match="--no-such-option"):
        rr.bounds(NETWORK, extra_args=["--no-such-option"])


def test_a_tool_that_is_not_there_is_said_so(monkeypatch):
    monkeypatch.setenv("RELU_REGIONS", "/nonexistent/relu-regions")
    with pytest.raises(rr.ToolNotFoundError) as refused:
        rr.bounds(NETWORK)
    assert "/nonexistent/relu-regions" in refused.value.message and refused.value.hint.startswith("Maybe")


def test_wrong_python_values_are_refused_before_the_tool_runs():
    with pytest.raises(ValueError, match="one domain"):
        rr.count_exact(NETWORK, box=(-1, 1), ball=((0, 0), 1))
    with pytest.raises(ValueError, match="norm"):
        rr.count_exact(NETWORK, box=(-1, 1), norm="l1")
    with pytest.raises(ValueError, match=r"\(center, radius\)"):
        rr.count_exact(NETWORK, ball=1.0)
    with pytest.raises(TypeError, match="torch.nn.Module"):
        rr.count_exact(42)
    with pytest.raises(ValueError, match="labels"):
        rr.count_local(NETWORK, [[0.0, 0.0]], 0.1, labels=["a", "b"])
