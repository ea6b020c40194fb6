# Every target bootstraps what it needs: `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
FILE_LIST := build/.package-files
SYSTEM_PACKAGES := age openssh-client unzip poppler-utils
QT_RUNTIME_PACKAGES := libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core
QT_WINDOW_PACKAGES := libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0

.PHONY: run test lint bench bench-watermark system-deps venv clean translations FORCE

run: venv system-deps
	@$(MAKE) --no-print-directory apt-packages PACKAGES="$(QT_WINDOW_PACKAGES)"
	$(VENV)/bin/sealroom $(ARGS)

test: venv system-deps lint
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: venv
	$(VENV)/bin/ruff check crypto vault desktop resources tests packaging
	$(VENV)/bin/mypy -p sealroom.crypto -p sealroom.vault -p sealroom.cli -p sealroom.desktop
	$(VENV)/bin/lint-imports

bench: venv system-deps
	$(PY) tests/bench/bench_core.py
	$(PY) tests/bench/bench_gui.py
	$(PY) tests/bench/bench_audit_export.py
	$(PY) tests/bench/bench_packages.py

# The PyPI peers run in their own venv (never in .venv); without network they are skipped with a note.
bench-watermark: venv
	@test -x build/bench-venv/bin/python || $(PYTHON) -m venv build/bench-venv
	@build/bench-venv/bin/pip show -q blind-watermark invisible-watermark PyWavelets >/dev/null 2>&1 || \
	  { build/bench-venv/bin/pip install --quiet numpy opencv-python-headless PyWavelets Pillow && \
	    build/bench-venv/bin/pip install --quiet --no-deps blind-watermark invisible-watermark; } || \
	  echo "note: benchmark peers could not be installed; they will be skipped"
	$(PY) tests/bench/bench_watermark.py

venv: $(STAMP)

# The editable install is "strict" so that mypy and the wheel see the same packages; adding or
# removing a source file therefore re-runs the (fast, no-download) install.
$(FILE_LIST): FORCE
	@mkdir -p build
	@{ find crypto vault desktop resources -name '*.py'; ls resources/translations/*.qm; } | sort > $@.new
	@cmp -s $@.new $@ && rm -f $@.new || mv $@.new $@

$(STAMP): pyproject.toml $(FILE_LIST)
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]' --config-settings editable_mode=strict
	@touch $@

system-deps:
	@$(MAKE) --no-print-directory apt-packages PACKAGES="$(SYSTEM_PACKAGES) $(QT_RUNTIME_PACKAGES)"

# Installs the Debian packages in PACKAGES that are missing; without root, prints the command instead.
apt-packages:
	@missing=""; for p in $(PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else \
	    echo "Sealroom needs these system packages. Install them with:"; \
	    echo "  sudo apt-get install$$missing"; exit 1; \
	  fi; \
	fi

# The GUI's translations: refresh each .ts from the sources (new strings come in unfinished, gone
# ones are dropped), then compile it into the .qm the app loads. Both are checked in; a test fails
# when either is out of date. Translate with `.venv/bin/pyside6-linguist resources/translations/*.ts`.
TRANSLATION_SOURCES = $$(find desktop -name '*.py' -not -path 'desktop/cli*' | sort)
translations: venv
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none $(TRANSLATION_SOURCES) -ts resources/translations/sealroom_he.ts
	$(VENV)/bin/pyside6-lrelease resources/translations/sealroom_he.ts -qm resources/translations/sealroom_he.qm

# README screenshots from the demo vault, rendered offscreen into resources/screenshots/.
.PHONY: screenshots
screenshots: venv
	$(PY) packaging/screenshots.py $(ARGS)

# A one-folder build for partners in dist/sealroom/ (PyInstaller, the `package` extra, which is
# installed into .venv by these targets only). package-check also builds sealroom-smoke and runs
# packaging/smoke_test.py on the built folder, offscreen.
PACKAGE_STAMP := $(VENV)/.package-installed
PYINSTALLER := $(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller
.PHONY: package package-check install-desktop

$(PACKAGE_STAMP): $(STAMP)
	$(PY) -m pip install --quiet $$($(PY) -c "import tomllib; print(' '.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['optional-dependencies']['package']))")
	@touch $@

package: venv $(PACKAGE_STAMP)
	$(PYINSTALLER) packaging/sealroom.spec

package-check: venv system-deps $(PACKAGE_STAMP)
	SEALROOM_SMOKE_BUILD=1 $(PYINSTALLER) packaging/sealroom.spec
	$(PY) packaging/smoke_test.py

# The desktop entry and the .sealshare MIME type, for this user (XDG_DATA_HOME, default
# ~/.local/share); Exec is the absolute path of dist/sealroom/sealroom, else .venv/bin/sealroom.
install-desktop:
	@sh packaging/install_desktop.sh "$(CURDIR)"

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache

FORCE:
