#include "gancert/model/params.hpp"

#include <mpfr.h>

#include "gancert/arith/decimal.hpp"

namespace gancert::model {

namespace {
/// |x·y^e| (e = ±1) of two decimals at 64 bits, rounded upward (a range check only): true iff
/// it is at most `limit`; `shown` receives it in 3 significant digits.
bool magnitude_within(const std::string& x, const std::string& y, int e, double limit, std::string& shown) {
    mpfr_t u, v;
    mpfr_init2(u, 64);
    mpfr_init2(v, 64);
    mpfr_set_str(u, x.c_str(), 10, MPFR_RNDU);
    mpfr_set_str(v, y.c_str(), 10, MPFR_RNDU);
    mpfr_abs(u, u, MPFR_RNDU);
    mpfr_abs(v, v, MPFR_RNDU);
    if (e > 0)
        mpfr_mul(u, u, v, MPFR_RNDU);
    else
        mpfr_div(u, u, v, MPFR_RNDU);
    const bool ok = mpfr_cmp_d(u, limit) <= 0;
    char* str = nullptr;
    mpfr_asprintf(&str, "%.3Rg", u);
    shown = str ? str : "?";
    mpfr_free_str(str);
    mpfr_clear(u);
    mpfr_clear(v);
    return ok;
}
}  // namespace

void validate(const DecimalParams& p) {
    (void)arith::Decimal::parse(p.a, "a");
    (void)arith::Decimal::parse(p.b, "b");
    const arith::Decimal g = arith::Decimal::parse(p.g, "g");
    (void)arith::Decimal::parse(p.h, "h");
    const arith::Decimal c = arith::Decimal::parse(p.c, "c");
    if (c.sign() <= 0)
        throw arith::bad_parameter("c", "'" + p.c + "' is outside the domain (the data rate c must be > 0)");
    if (g.sign() < 0)
        throw arith::bad_parameter("g", "'" + p.g + "' is outside the domain (the generator scale g must be >= 0)");
    // Range limit of the integral path: its quadrature partition is computed in double, with
    // pieces of length ~1/|p| at the erf transition, p = a/c and a·g (beyond ~1e308 the slope
    // is not a double and the pieces underflow).
    std::string p1, p2;
    if (!magnitude_within(p.a, p.c, -1, max_slope, p1))
        throw arith::bad_parameter("a", "|a|/c = " + p1 + " (a = " + p.a + ", c = " + p.c + ")" +
                               " is outside the supported range (|a|/c and |a|*g must be <= 1e300)");
    if (!magnitude_within(p.a, p.g, +1, max_slope, p2))
        throw arith::bad_parameter("g", "|a|*g = " + p2 + " (a = " + p.a + ", g = " + p.g + ")" +
                               " is outside the supported range (|a|/c and |a|*g must be <= 1e300)");
}

}  // namespace gancert::model
