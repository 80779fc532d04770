#!/usr/bin/env bash
# Installs mdBook and mdbook-technical-file from their release archives, in
# seconds, where a prebuilt archive exists for this platform; elsewhere
# falls back to `cargo install --locked` and says why.
#
#   curl -fsSL https://raw.githubusercontent.com/mdbook-technical-file/mdbook-technical-file/main/scripts/install.sh | bash
#   bash install.sh --version 0.1.0 --bin-dir ~/bin
#
# Options (each also read from an environment variable):
#   --version V          mdbook-technical-file version, or "latest"      MDBOOK_TECHNICAL_FILE_VERSION (latest)
#   --mdbook-version V   mdBook version, or "none" to leave mdBook alone MDBOOK_VERSION (0.5.4)
#   --bin-dir DIR        where the two binaries go                       MDBOOK_TECHNICAL_FILE_BIN_DIR ($HOME/.local/bin)
#   --from-source DIR    build mdbook-technical-file from a checkout     MDBOOK_TECHNICAL_FILE_FROM_SOURCE
#                        with `cargo install --path DIR --locked`
# Where the archives come from (a URL, file:///path or a folder laid out
# like GitHub's releases: download/v<version>/<asset>, latest/download/<asset>):
#   MDBOOK_TECHNICAL_FILE_RELEASES   (https://github.com/mdbook-technical-file/mdbook-technical-file/releases)
#   MDBOOK_RELEASES                  (https://github.com/rust-lang/mdBook/releases)
# Others:
#   MDBOOK_SHA256                    the expected SHA-256 of the mdBook archive
#                                    (mdBook's releases publish no checksums)
#   MDBOOK_TECHNICAL_FILE_TARGET     the target triple instead of the detected one
#   CARGO                            the cargo used for the fallback (cargo)
#   GITHUB_PATH                      when set (GitHub Actions), the bin dir is added to it
#
# The archives of a release: mdbook-technical-file-<target>.tar.gz (.zip on
# Windows) with the binary at the top, and mdbook-technical-file-<target>.sha256
# beside it (`sha256sum` output). A checksum that does not match, or a
# missing .sha256, stops the script before anything is installed.
set -euo pipefail

tool=mdbook-technical-file
# The targets .github/workflows/release.yml builds; mdBook's releases have
# archives for each of them too.
targets="x86_64-unknown-linux-musl aarch64-unknown-linux-musl x86_64-apple-darwin aarch64-apple-darwin x86_64-pc-windows-msvc"

say() { printf '%s: %s\n' "$tool install" "$*" >&2; }
die() {
    printf '%s: error: %s\n' "$tool install" "$*" >&2
    exit 1
}

usage() {
    # The comment at the top of this file (not there when piped into bash).
    if [ -f "${BASH_SOURCE[0]:-}" ]; then
        sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'
    else
        echo "usage: install.sh [--version V] [--mdbook-version V|none] [--bin-dir DIR] [--from-source DIR]"
    fi
}

# The target triple of this machine among those the releases have, or
# nothing.
detect_target() {
    case "$(uname -s)/$(uname -m)" in
        Linux/x86_64 | Linux/amd64) echo x86_64-unknown-linux-musl ;;
        Linux/aarch64 | Linux/arm64) echo aarch64-unknown-linux-musl ;;
        Darwin/x86_64) echo x86_64-apple-darwin ;;
        Darwin/arm64 | Darwin/aarch64) echo aarch64-apple-darwin ;;
        MINGW*/x86_64 | MSYS*/x86_64 | CYGWIN*/x86_64) echo x86_64-pc-windows-msvc ;;
        *) echo "" ;;
    esac
}

# fetch URL DEST: 0 when DEST holds the file, 4 when the file does not exist
# (HTTP 404, or no such local file), 1 on any other failure (said on stderr).
fetch() {
    local url="$1" dest="$2" code
    case "$url" in
        http://* | https://*)
            command -v curl >/dev/null 2>&1 || {
                say "curl is needed to download $url"
                return 1
            }
            if code="$(curl --silent --show-error --location --retry 3 --output "$dest" \
                --write-out '%{http_code}' "$url" 2>"$work/curl.err")"; then
                case "$code" in
                    2??) return 0 ;;
                    404) return 4 ;;
                    *)
                        say "cannot download $url: HTTP $code"
                        return 1
                        ;;
                esac
            fi
            say "cannot download $url: $(cat "$work/curl.err")"
            return 1
            ;;
        *)
            local path="${url#file://}"
            [ -f "$path" ] || return 4
            cp "$path" "$dest" || return 1
            ;;
    esac
}

# The URL of an asset of a release: base, version ("latest" or X.Y.Z), name.
asset_url() {
    if [ "$2" = latest ]; then
        printf '%s/latest/download/%s\n' "$1" "$3"
    else
        printf '%s/download/v%s/%s\n' "$1" "$2" "$3"
    fi
}

sha256_of() {
    if command -v sha256sum >/dev/null 2>&1; then
        sha256sum "$1" | awk '{ print $1 }'
    elif command -v shasum >/dev/null 2>&1; then
        shasum -a 256 "$1" | awk '{ print $1 }'
    else
        die "neither sha256sum nor shasum is installed: cannot verify $1"
    fi
}

# verify FILE NAME EXPECTED SOURCE: refuses FILE unless its SHA-256 is EXPECTED.
verify() {
    local actual expected
    actual="$(sha256_of "$1" | tr 'A-F' 'a-f')"
    expected="$(printf '%s' "$3" | tr 'A-F' 'a-f')"
    if [ "$actual" != "$expected" ]; then
        die "checksum mismatch for $2: expected $expected ($4), got $actual; nothing was installed"
    fi
}

# The hash a checksum file gives for NAME (lines "HASH  NAME" or "HASH *NAME").
checksum_for() {
    awk -v name="$2" '{ file = $2; sub(/^\*/, "", file); if (file == name) { print $1; exit } }' "$1"
}

# extract ARCHIVE BINARY DIR: unpacks ARCHIVE into DIR, which must then hold BINARY.
extract() {
    mkdir -p "$3"
    case "$1" in
        *.tar.gz) tar -xzf "$1" -C "$3" ;;
        *.zip)
            if command -v unzip >/dev/null 2>&1; then
                unzip -q -o "$1" -d "$3"
            elif command -v 7z >/dev/null 2>&1; then
                7z x -y -o"$3" "$1" >/dev/null
            else
                die "neither unzip nor 7z is installed: cannot unpack $(basename "$1")"
            fi
            ;;
    esac
    [ -f "$3/$2" ] || die "$(basename "$1") holds no $2 at its top level"
}

# check_runs BINARY NAME ARCHIVE VERSION: what BINARY says to --version,
# unless it does not run here or is not VERSION.
check_runs() {
    local out
    out="$("$1" --version 2>&1)" || die "the $2 binary from $(basename "$3") does not run on this machine ($platform): $out"
    if [ "$4" != latest ]; then
        case "$out " in
            *" $4 "* | *" v$4 "*) ;;
            *) die "$(basename "$3") holds $out, not version $4; nothing was installed" ;;
        esac
    fi
    printf '%s\n' "$out"
}

# install FILE: into the bin dir, replacing an older one in one step.
install_binary() {
    local name
    name="$(basename "$1")"
    cp "$1" "$bin_dir/.$name.new"
    chmod 755 "$bin_dir/.$name.new"
    mv -f "$bin_dir/.$name.new" "$bin_dir/$name"
}

# cargo_install WHY ARGS...: the fallback, building from source, saying why.
cargo_install() {
    local why="$1"
    shift
    say "$why: building it with '$cargo install $*' (this compiles from source and takes minutes)"
    command -v "$cargo" >/dev/null 2>&1 ||
        die "$cargo is not installed: install Rust (https://rustup.rs) and run this again, or run: cargo install $*"
    "$cargo" install "$@" || die "'$cargo install $*' failed"
}

# Everything runs from here, once bash has read the whole file (safe when
# piped from curl).
main() {
    version="${MDBOOK_TECHNICAL_FILE_VERSION:-latest}"
    mdbook_version="${MDBOOK_VERSION:-0.5.4}"
    bin_dir="${MDBOOK_TECHNICAL_FILE_BIN_DIR:-${HOME:?HOME is not set}/.local/bin}"
    from_source="${MDBOOK_TECHNICAL_FILE_FROM_SOURCE:-}"
    releases="${MDBOOK_TECHNICAL_FILE_RELEASES:-https://github.com/mdbook-technical-file/mdbook-technical-file/releases}"
    mdbook_releases="${MDBOOK_RELEASES:-https://github.com/rust-lang/mdBook/releases}"
    cargo="${CARGO:-cargo}"

    while [ $# -gt 0 ]; do
        case "$1" in
            -h | --help)
                usage
                exit 0
                ;;
            --version | --mdbook-version | --bin-dir | --from-source)
                [ $# -ge 2 ] || die "$1 needs a value"
                case "$1" in
                    --version) version="$2" ;;
                    --mdbook-version) mdbook_version="$2" ;;
                    --bin-dir) bin_dir="$2" ;;
                    --from-source) from_source="$2" ;;
                esac
                shift 2
                ;;
            *) die "unknown argument '$1' (see --help)" ;;
        esac
    done

    # "v0.1.0" and "0.1.0" name the same release.
    version="${version#v}"
    mdbook_version="${mdbook_version#v}"
    [ -n "$version" ] || version=latest
    [ -n "$mdbook_version" ] || die "--mdbook-version is empty (a version such as 0.5.4, or none)"

    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT

    platform="$(uname -s)/$(uname -m)"
    target="${MDBOOK_TECHNICAL_FILE_TARGET:-$(detect_target)}"
    published=no
    for t in $targets; do
        if [ "$t" = "$target" ]; then published=yes; fi
    done
    case "$target" in
        *-windows-*) exe=.exe archive_ext=zip ;;
        *) exe="" archive_ext=tar.gz ;;
    esac

    # What is to be done, decided before anything is installed.
    tool_archive=""  # verified archive of mdbook-technical-file, or
    tool_cargo=""    # the reason to build it with cargo
    mdbook_archive=""
    mdbook_cargo=""

    # mdbook-technical-file
    if [ -n "$from_source" ]; then
        [ -f "$from_source/Cargo.toml" ] || die "--from-source $from_source: no Cargo.toml there"
        tool_cargo="built from the source in $from_source"
    elif [ "$published" = no ]; then
        tool_cargo="no prebuilt archive for ${target:-this platform ($platform)} (the releases have: $targets)"
    else
        name="$tool-$target.$archive_ext"
        url="$(asset_url "$releases" "$version" "$name")"
        say "downloading $url"
        status=0
        fetch "$url" "$work/$name" || status=$?
        case "$status" in
            0)
                sums="$tool-$target.sha256"
                sums_url="$(asset_url "$releases" "$version" "$sums")"
                status=0
                fetch "$sums_url" "$work/$sums" || status=$?
                case "$status" in
                    0) ;;
                    4) die "$sums_url does not exist: refusing to install $name without its checksum" ;;
                    *) die "cannot download $sums_url" ;;
                esac
                expected="$(checksum_for "$work/$sums" "$name")"
                [ -n "$expected" ] || die "$sums gives no checksum for $name; nothing was installed"
                verify "$work/$name" "$name" "$expected" "from $sums"
                say "$name: SHA-256 verified"
                tool_archive="$work/$name"
                ;;
            4) tool_cargo="no archive $name for version $version ($url: not found)" ;;
            *) die "cannot download $url" ;;
        esac
    fi

    # mdBook: its releases publish no checksums, so one is verified only when
    # given (MDBOOK_SHA256); otherwise the archive is trusted as HTTPS delivers it.
    if [ "$mdbook_version" != none ]; then
        if [ "$published" = no ]; then
            mdbook_cargo="no prebuilt mdBook archive for ${target:-this platform ($platform)}"
        else
            name="mdbook-v$mdbook_version-$target.$archive_ext"
            url="$(asset_url "$mdbook_releases" "$mdbook_version" "$name")"
            say "downloading $url"
            status=0
            fetch "$url" "$work/$name" || status=$?
            case "$status" in
                0)
                    if [ -n "${MDBOOK_SHA256:-}" ]; then
                        verify "$work/$name" "$name" "$MDBOOK_SHA256" "from MDBOOK_SHA256"
                        say "$name: SHA-256 verified"
                    else
                        say "$name: not verified (mdBook publishes no checksums; set MDBOOK_SHA256 to pin one)"
                    fi
                    mdbook_archive="$work/$name"
                    ;;
                4) mdbook_cargo="no archive $name ($url: not found)" ;;
                *) die "cannot download $url" ;;
            esac
        fi
    fi

    # Unpack and run each binary before installing either: an archive whose
    # binary does not run here, or is another version, installs nothing.
    if [ -n "$tool_archive" ]; then
        extract "$tool_archive" "$tool$exe" "$work/tool"
        tool_says="$(check_runs "$work/tool/$tool$exe" "$tool" "$tool_archive" "$version")"
    fi
    if [ -n "$mdbook_archive" ]; then
        extract "$mdbook_archive" "mdbook$exe" "$work/mdbook"
        mdbook_says="$(check_runs "$work/mdbook/mdbook$exe" mdbook "$mdbook_archive" "$mdbook_version")"
    fi

    if [ -n "$tool_archive$mdbook_archive" ]; then
        mkdir -p "$bin_dir"
        if [ -n "$mdbook_archive" ]; then
            install_binary "$work/mdbook/mdbook$exe"
            say "installed $mdbook_says into $bin_dir"
        fi
        if [ -n "$tool_archive" ]; then
            install_binary "$work/tool/$tool$exe"
            say "installed $tool_says into $bin_dir"
        fi
        if [ -n "${GITHUB_PATH:-}" ]; then
            printf '%s\n' "$bin_dir" >>"$GITHUB_PATH"
            say "added $bin_dir to GITHUB_PATH"
        else
            case ":$PATH:" in
                *":$bin_dir:"*) ;;
                *) say "$bin_dir is not on your PATH: add it (export PATH=\"$bin_dir:\$PATH\")" ;;
            esac
        fi
    fi

    if [ -n "$mdbook_cargo" ]; then
        cargo_install "$mdbook_cargo" mdbook --locked --version "$mdbook_version"
    fi
    if [ -n "$tool_cargo" ]; then
        if [ -n "$from_source" ]; then
            cargo_install "$tool_cargo" --path "$from_source" --locked
        elif [ "$version" = latest ]; then
            cargo_install "$tool_cargo" "$tool" --locked
        else
            cargo_install "$tool_cargo" "$tool" --locked --version "$version"
        fi
    fi
    if [ -n "$mdbook_cargo$tool_cargo" ] && [ -n "${GITHUB_PATH:-}" ]; then
        printf '%s\n' "${CARGO_HOME:-$HOME/.cargo}/bin" >>"$GITHUB_PATH"
    fi
}

main "$@"
