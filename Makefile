PY := .venv/bin/python

.PHONY: install lint test golden examples browser bench fuzz ci

install:
	python3 -m venv .venv && .venv/bin/pip install -e '.[dev]'

lint:
	.venv/bin/ruff check src tests benchmarks
	.venv/bin/ruff format --check src tests benchmarks
	.venv/bin/mypy src

test:
	$(PY) -m pytest

golden:
	$(PY) -m pytest tests/test_golden.py --update-golden

examples:
	.venv/bin/timeline build examples/ -o graphs/

browser:
	$(PY) -m pytest tests/browser

bench:
	$(PY) benchmarks/bench_parse.py
	$(PY) benchmarks/bench_timex.py $${TIMELINE_EVAL_DATA:-../shared/data}/timebank-aquaint

fuzz:  # the long fuzzing run (CI runs 60 examples per property)
	TIMELINE_FUZZ_EXAMPLES=100000 $(PY) -m pytest tests/test_fuzz.py -p no:randomly

ci: lint test
