# Installs careerplan for a center (docs/security.md): the release binary,
# with the Swift standard library linked in, set-group-ID to the service
# group that alone may open the data directory; the services matrix beside
# it; careerplan.conf; the themes, the manual page and the bash, zsh and fish
# completions generated from the command-line definitions (swift-argument-parser's generate-manual plugin).
#
#   sudo make install [PREFIX=/usr/local] [GROUP=careerplan] [DATADIR=/var/lib/careerplan] [TIMEZONE=America/Chicago]
#
# As root without DESTDIR it also makes the group and the data directory and
# writes careerplan.conf if there is none; with DESTDIR (a package build) it
# only stages the files, and the package's own scripts do the rest.
PREFIX ?= /usr/local
GROUP ?= careerplan
DATADIR ?= /var/lib/careerplan
TIMEZONE ?=
SYSCONFDIR := $(if $(filter /usr,$(PREFIX)),/etc,$(PREFIX)/etc)
BIN := $(shell swift build -c release --static-swift-stdlib --show-bin-path 2>/dev/null)
BASHCOMP := $(PREFIX)/share/bash-completion/completions
ZSHCOMP := $(PREFIX)/share/zsh/site-functions
FISHCOMP := $(PREFIX)/share/fish/vendor_completions.d
MANPAGE := .build/plugins/GenerateManual/outputs/careerplan/careerplan.1

.PHONY: all build man install uninstall test

all: build man

# Static: a set-group-ID program must not look for libraries beside itself
# ($ORIGIN is ignored in glibc's secure mode) or anywhere a user can name.
# SQLite and zstd are linked in too (start-up): after a security update of
# libsqlite3-dev or libzstd-dev, run make install again (scripts/build-installed).
build:
	scripts/build-installed careerplan

man:
	swift package --allow-writing-to-package-directory generate-manual --section 1 --authors "careerplan"

install: build man
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/careerplan/themes $(DESTDIR)$(SYSCONFDIR) \
		$(DESTDIR)$(BASHCOMP) $(DESTDIR)$(ZSHCOMP) $(DESTDIR)$(FISHCOMP)
	@if [ "$$(id -u)" = 0 ] && [ -z "$(DESTDIR)" ]; then \
		getent group $(GROUP) >/dev/null || groupadd --system $(GROUP); \
		install -s -m 2755 -o root -g $(GROUP) $(BIN)/careerplan $(PREFIX)/bin/careerplan; \
		install -d -m 2770 -o root -g $(GROUP) $(DATADIR); \
		if [ ! -e $(SYSCONFDIR)/careerplan.conf ]; then \
			{ echo "# careerplan's system-wide configuration: man careerplan, docs/security.md"; \
			  echo "data-file = $(DATADIR)/caseload.sqlite"; echo "group = $(GROUP)"; \
			  if [ -n "$(TIMEZONE)" ]; then echo "time-zone = $(TIMEZONE)"; else echo "# time-zone = America/Chicago"; fi; \
			} > $(SYSCONFDIR)/careerplan.conf; chmod 644 $(SYSCONFDIR)/careerplan.conf; \
		fi; \
		echo "careerplan installed set-group-ID $(GROUP); data directory $(DATADIR); configuration $(SYSCONFDIR)/careerplan.conf"; \
		echo "Next: sudo careerplan init --admin YOUR-LOGIN"; \
	else \
		install -s -m 755 $(BIN)/careerplan $(DESTDIR)$(PREFIX)/bin/careerplan; \
		echo "careerplan staged without its group (not root, or DESTDIR set): see docs/security.md"; \
	fi
	# The services matrix is a resource the binary finds beside itself.
	rm -rf $(DESTDIR)$(PREFIX)/bin/careerplan_Store.resources
	cp -R $(BIN)/careerplan_Store.resources $(DESTDIR)$(PREFIX)/bin/
	chmod -R go-w $(DESTDIR)$(PREFIX)/bin/careerplan_Store.resources
	install -m 644 themes/*.theme $(DESTDIR)$(PREFIX)/share/careerplan/themes/
	install -m 644 $(MANPAGE) $(DESTDIR)$(PREFIX)/share/man/man1/careerplan.1
	# Shell completions, generated from the same command-line definitions as the manual.
	$(BIN)/careerplan --generate-completion-script bash > $(DESTDIR)$(BASHCOMP)/careerplan
	$(BIN)/careerplan --generate-completion-script zsh > $(DESTDIR)$(ZSHCOMP)/_careerplan
	$(BIN)/careerplan --generate-completion-script fish > $(DESTDIR)$(FISHCOMP)/careerplan.fish
	chmod 644 $(DESTDIR)$(BASHCOMP)/careerplan $(DESTDIR)$(ZSHCOMP)/_careerplan $(DESTDIR)$(FISHCOMP)/careerplan.fish

# The data directory and careerplan.conf stay: they hold the center's data.
uninstall:
	rm -rf $(DESTDIR)$(PREFIX)/bin/careerplan $(DESTDIR)$(PREFIX)/bin/careerplan_Store.resources
	rm -rf $(DESTDIR)$(PREFIX)/share/careerplan $(DESTDIR)$(PREFIX)/share/man/man1/careerplan.1
	rm -f $(DESTDIR)$(BASHCOMP)/careerplan $(DESTDIR)$(ZSHCOMP)/_careerplan $(DESTDIR)$(FISHCOMP)/careerplan.fish

test:
	scripts/test
