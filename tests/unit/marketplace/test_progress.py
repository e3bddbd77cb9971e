import io

from marketplace.progress import ProgressBar


def test_progress_bar_prints_each_tenth_once_when_not_a_terminal():
    # given a bar of 100 steps writing to a plain stream
    stream = io.StringIO()
    bar = ProgressBar(total=100, label="Items", stream=stream, width=10)

    # when every step is advanced
    for _ in range(100):
        bar.advance()

    # then one line per tenth is printed, plus the start of the first tenth, ending full
    lines = stream.getvalue().splitlines()
    assert len(lines) == 11
    assert lines[-1] == "Items [##########] 100/100"
    assert lines[4] == "Items [####------] 40/100"


def test_progress_bar_never_goes_past_its_total():
    stream = io.StringIO()
    bar = ProgressBar(total=3, stream=stream, width=3)
    bar.advance(5)
    assert bar.done == 3
    assert stream.getvalue().strip().endswith("[###] 3/3")
