# Installs careerplan for a center: the release binary with its resources,
# the themes and the manual page generated from the command-line definitions
# (swift-argument-parser's generate-manual plugin).
PREFIX ?= /usr/local
BIN := $(shell swift build -c release --show-bin-path 2>/dev/null)
MANPAGE := .build/plugins/GenerateManual/outputs/careerplan/careerplan.1

.PHONY: all build man install uninstall test

all: build man

build:
	swift build -c release --product careerplan

man:
	swift package --allow-writing-to-package-directory generate-manual --section 1 --authors "careerplan"

install: build man
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/careerplan/themes
	install -m 755 $(BIN)/careerplan $(DESTDIR)$(PREFIX)/bin/careerplan
	# The services matrix is a resource the binary finds beside itself.
	rm -rf $(DESTDIR)$(PREFIX)/bin/careerplan_Store.resources
	cp -R $(BIN)/careerplan_Store.resources $(DESTDIR)$(PREFIX)/bin/
	install -m 644 themes/*.theme $(DESTDIR)$(PREFIX)/share/careerplan/themes/
	install -m 644 $(MANPAGE) $(DESTDIR)$(PREFIX)/share/man/man1/careerplan.1

uninstall:
	rm -rf $(DESTDIR)$(PREFIX)/bin/careerplan $(DESTDIR)$(PREFIX)/bin/careerplan_Store.resources
	rm -rf $(DESTDIR)$(PREFIX)/share/careerplan $(DESTDIR)$(PREFIX)/share/man/man1/careerplan.1

test:
	scripts/test
