# shellcheck shell=bash
# Sourced by .ci/run and .ci/lint (from the repository root): where the npm-based linters live and
# how they get there.
#
# The exact versions, transitive ones included, are in .ci/lint-tools/package-lock.json (with their
# integrity hashes); `npm ci` installs exactly those into a cache directory outside the work tree,
# one directory per lockfile content, so a fresh clone reuses an earlier install and a version bump
# gets a directory of its own. SOCIAL_TICKER_CI_TOOLS overrides the cache root (.ci/.tools is
# ignored by git, for anyone who wants it inside the repo).

ci_tools_root="${SOCIAL_TICKER_CI_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/social-ticker-ci}"
ci_tools_dir="$ci_tools_root/lint-tools-$(cat .ci/lint-tools/package.json .ci/lint-tools/package-lock.json | sha256sum | cut -c1-16)"

ci_install_lint_tools() {
  [[ -f "$ci_tools_dir/.installed" ]] && return 0
  if ! command -v npm >/dev/null; then
    echo "ci: npm is needed to install the linters (.ci/run installs it: apt-get install nodejs npm)" >&2
    return 1
  fi
  echo "ci: installing the linters of .ci/lint-tools/package-lock.json into $ci_tools_dir"
  mkdir -p "$ci_tools_root"
  local tmp
  tmp=$(mktemp -d "$ci_tools_dir.XXXXXX")
  cp .ci/lint-tools/package.json .ci/lint-tools/package-lock.json "$tmp/"
  if ! (cd "$tmp" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error); then
    rm -rf "$tmp"
    echo "ci: npm ci of the linters failed" >&2
    return 1
  fi
  touch "$tmp/.installed"
  # Another run may have finished the same install meanwhile: keep the first one.
  mv -T "$tmp" "$ci_tools_dir" 2>/dev/null || rm -rf "$tmp"
}
