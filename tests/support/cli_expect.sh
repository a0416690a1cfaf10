# Sourced by tests/cli/*.sh (needs $G, the gancert binary, and $T, a scratch directory; sets
# fail=1 on a mismatch). expect <code> <text-in-stdout-or-stderr> <gancert args...>
expect() {
    local code="$1" text="$2"
    shift 2
    "$G" "$@" >"$T/out" 2>"$T/err"
    local rc=$?
    if [ "$rc" != "$code" ] || ! grep -q -- "$text" "$T/out" "$T/err"; then
        echo "FAIL: gancert $* -> exit $rc (want $code, text '$text')"
        cat "$T/out" "$T/err"
        fail=1
    fi
}
