#include "gancert/arith/decimal.hpp"

#include <mpfr.h>

#include <cctype>
#include <cmath>
#include <memory>
#include <string>

namespace gancert::arith {

bool is_decimal(std::string_view s) noexcept {
    std::size_t i = 0, n = s.size();
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t digits = 0;
    while (i < n && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
    if (i < n && s[i] == '.') {
        ++i;
        while (i < n && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
    }
    if (digits == 0) return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
        std::size_t exp_digits = 0;
        while (i < n && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++exp_digits;
        if (exp_digits == 0 || exp_digits > 9) return false;
    }
    return i == n;
}

namespace {
[[noreturn]] void reject(std::string_view s, std::string_view what, const char* why) {
    throw named_error(what, "'" + std::string(s) + "' " + why);
}
void check(std::string_view s, std::string_view what) {
    if (!is_decimal(s)) reject(s, what, "is not a finite decimal number");
}
}  // namespace

template <>
double parse<double>(std::string_view s, std::string_view what) {
    check(s, what);
    double v = rounding<double>().decimal_down(s);
    double u = rounding<double>().decimal_up(s);
    if (std::isinf(v) || std::isinf(u)) reject(s, what, "overflows double");
    // nearest: whichever bound is closer; we take the correctly rounded value from MPFR.
    mpfr_t t;
    mpfr_init2(t, 53);
    mpfr_set_str(t, std::string(s).c_str(), 10, MPFR_RNDN);
    double r = mpfr_get_d(t, MPFR_RNDN);
    mpfr_clear(t);
    return r;
}

template <>
mpfr parse<mpfr>(std::string_view s, std::string_view what) {
    check(s, what);
    mpfr r = fresh_mpfr();
    mpfr_set_str(raw(r), std::string(s).c_str(), 10, MPFR_RNDN);
    if (mpfr_inf_p(raw(r))) reject(s, what, "is outside the exponent range");
    return r;
}

template <>
idouble parse<idouble>(std::string_view s, std::string_view what) {
    check(s, what);
    rounding<double> r;
    double lo = r.decimal_down(s), hi = r.decimal_up(s);
    if (std::isinf(lo) || std::isinf(hi)) reject(s, what, "overflows double");
    return idouble(lo, hi);
}

template <>
impfr parse<impfr>(std::string_view s, std::string_view what) {
    check(s, what);
    rounding<mpfr> r;
    mpfr lo = r.decimal_down(s), hi = r.decimal_up(s);
    if (mpfr_inf_p(raw(lo)) || mpfr_inf_p(raw(hi))) reject(s, what, "is outside the exponent range");
    return impfr(lo, hi);
}

std::string to_decimal(const mpfr& x, unsigned digits, mpfr_rnd_t rnd) {
    if (mpfr_nan_p(raw(x))) return "nan";
    if (mpfr_inf_p(raw(x))) return mpfr_sgn(raw(x)) > 0 ? "inf" : "-inf";
    if (mpfr_zero_p(raw(x))) return "0";
    if (digits < 1) digits = 1;
    mpfr_exp_t e = 0;
    std::unique_ptr<char, void (*)(char*)> str(mpfr_get_str(nullptr, &e, 10, digits, raw(x), rnd),
                                               mpfr_free_str);
    std::string m(str.get());
    std::string sign;
    if (!m.empty() && m[0] == '-') sign = "-", m.erase(0, 1);
    // value = 0.m × 10^e  →  m[0].m[1..] × 10^(e−1)
    while (m.size() > 1 && m.back() == '0') m.pop_back();
    std::string out;
    out.reserve(m.size() + 16);
    out.append(sign).push_back(m[0]);
    if (m.size() > 1) out.append(1, '.').append(m, 1, std::string::npos);
    long exp10 = static_cast<long>(e) - 1;
    if (exp10 != 0) out.append(1, 'e').append(std::to_string(exp10));
    return out;
}

std::string to_decimal(double x, unsigned digits, mpfr_rnd_t rnd) {
    mpfr_t t;
    mpfr_init2(t, 53);
    mpfr_set_d(t, x, MPFR_RNDN);
    mpfr m = fresh_mpfr(53);
    mpfr_set(raw(m), t, MPFR_RNDN);
    mpfr_clear(t);
    return to_decimal(m, digits, rnd);
}

unsigned digits_to_show_width(const mpfr& lo, const mpfr& hi, unsigned min_digits, unsigned cap) {
    if (!mpfr_number_p(raw(lo)) || !mpfr_number_p(raw(hi))) return min_digits;
    mpfr w = fresh_mpfr(64), m = fresh_mpfr(64);
    mpfr_sub(raw(w), raw(hi), raw(lo), MPFR_RNDU);
    if (mpfr_zero_p(raw(w))) return min_digits;  // a point
    mpfr_abs(raw(m), raw(lo), MPFR_RNDU);
    mpfr tmp = fresh_mpfr(64);
    mpfr_abs(raw(tmp), raw(hi), MPFR_RNDU);
    if (mpfr_cmp(raw(tmp), raw(m)) > 0) mpfr_set(raw(m), raw(tmp), MPFR_RNDU);
    // digits ≈ log10(|x| / width) + 2
    double rel = mpfr_get_d(raw(m), MPFR_RNDN) / mpfr_get_d(raw(w), MPFR_RNDN);
    double need;
    if (std::isfinite(rel) && rel > 0)
        need = std::log10(rel) + 2;
    else {
        long el = mpfr_get_exp(raw(m)), ew = mpfr_get_exp(raw(w));
        need = (el - ew) * 0.30103 + 2;
    }
    if (!(need < static_cast<double>(cap))) return cap;  // also keeps the cast below in range
    unsigned d = need < min_digits ? min_digits : static_cast<unsigned>(std::ceil(need));
    return d > cap ? cap : d;
}

template <class T>
std::pair<std::string, std::string> to_decimal_outward(const interval<T>& x, unsigned digits) {
    mpfr lo, hi;
    if constexpr (std::is_same_v<T, double>) {
        lo = fresh_mpfr(53);
        hi = fresh_mpfr(53);
        mpfr_set_d(raw(lo), x.lower(), MPFR_RNDN);
        mpfr_set_d(raw(hi), x.upper(), MPFR_RNDN);
    } else {
        lo = x.lower();
        hi = x.upper();
    }
    unsigned d = digits_to_show_width(lo, hi, digits, std::max<unsigned>(digits + 20, 40));
    return {to_decimal(lo, d, MPFR_RNDD), to_decimal(hi, d, MPFR_RNDU)};
}

template std::pair<std::string, std::string> to_decimal_outward(const idouble&, unsigned);
template std::pair<std::string, std::string> to_decimal_outward(const impfr&, unsigned);

}  // namespace gancert::arith
