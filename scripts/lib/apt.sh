# Sourced by the install scripts: `apt_install PACKAGE` installs one of Debian's packages with
# apt-get, as root or through sudo, quietly. Needs Debian's package registry.
apt_install() {
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if ! command -v sudo >/dev/null; then
            echo "$(basename "$0"): need root or sudo to install $1 with apt-get" >&2
            return 1
        fi
        sudo="sudo"
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$1" >/dev/null
}
