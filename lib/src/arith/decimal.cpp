#include "gancert/arith/decimal.hpp"

#include <mpfr.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <memory>
#include <string>
#include <type_traits>

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

/// Why s is not an acceptable decimal, or empty; on success `out` and `last` are set.
std::string parse_core(std::string_view s, Decimal& out, long& last, long max_exponent = max_decimal_exponent) {
    if (!is_decimal(s)) return "is not a finite decimal number";
    std::size_t i = 0;
    bool neg = false;
    if (s[i] == '+' || s[i] == '-') neg = s[i++] == '-';
    std::string digits;
    long exp = 0;
    bool frac = false;
    for (; i < s.size() && s[i] != 'e' && s[i] != 'E'; ++i) {
        if (s[i] == '.') { frac = true; continue; }
        digits.push_back(s[i]);
        if (frac) --exp;
    }
    if (i < s.size()) exp += std::strtol(std::string(s.substr(i + 1)).c_str(), nullptr, 10);  // <= 9 digits
    if (exp > max_exponent || exp < -max_exponent)
        return "has a decimal exponent beyond ±" + std::to_string(max_exponent);
    last = exp;
    std::size_t nz = digits.find_first_not_of('0');  // no leading zeros: a leading 0 would read as octal
    digits = nz == std::string::npos ? "0" : digits.substr(nz);
    if (digits != "0") {  // trailing zeros go to the exponent before the big integer is built
        std::size_t last_nz = digits.find_last_not_of('0');
        exp += static_cast<long>(digits.size() - 1 - last_nz);
        digits.resize(last_nz + 1);
    }
    Decimal::Int mant(digits);
    if (neg) mant = -mant;
    out = Decimal::from_parts(std::move(mant), static_cast<int>(exp));
    return {};
}

}  // namespace

Decimal Decimal::from_parts(Int mant, int exp) {
    Decimal r;
    r.mant_ = std::move(mant);
    r.exp_ = exp;
    r.normalise();
    return r;
}

Decimal::Int Decimal::pow10_int(unsigned k) {
    Int r;
    mpz_ui_pow_ui(r.backend().data(), 10, k);
    return r;
}

Decimal Decimal::exact(double x) {
    if (!std::isfinite(x)) throw std::domain_error("Decimal::exact: not a finite double");
    int e2 = 0;
    double f = std::frexp(x, &e2);  // x = f·2^e2, |f| in [1/2, 1)
    Int m(static_cast<long long>(std::ldexp(f, 53)));  // exact: 53-bit integer
    e2 -= 53;
    if (e2 >= 0) return from_parts(m << e2, 0);
    Int five;
    mpz_ui_pow_ui(five.backend().data(), 5, static_cast<unsigned long>(-e2));
    return from_parts(m * five, e2);  // m·2^e2 = m·5^-e2·10^e2
}

Decimal Decimal::pow10(long k) {
    if (k > max_decimal_exponent || k < -max_decimal_exponent) throw std::domain_error("Decimal::pow10: exponent out of range");
    return from_parts(Int(1), static_cast<int>(k));
}

void Decimal::normalise() {
    if (mant_ == 0) { exp_ = 0; return; }
    // Trailing zeros removed 16 at a time first: a bound like 1e308 written out in full would
    // otherwise cost hundreds of big-integer divisions per endpoint (issue 15: reading a
    // certificate of b in [-1e308, 0] took longer than its whole time budget).
    static const Int ten16(10000000000000000ULL);
    while (mant_ % ten16 == 0) { mant_ /= ten16; exp_ += 16; }
    while (mant_ % 10 == 0) { mant_ /= 10; ++exp_; }
}

Decimal Decimal::parse(std::string_view s, std::string_view what) {
    Decimal r;
    long last = 0;
    std::string why = parse_core(s, r, last);
    if (!why.empty()) throw named_error(what, "'" + std::string(s) + "' " + why);
    return r;
}

Decimal Decimal::parse_recorded(std::string_view s, std::string_view what) {
    Decimal r;
    long last = 0;
    std::string why = parse_core(s, r, last, max_recorded_exponent);
    if (!why.empty()) throw named_error(what, "'" + std::string(s) + "' " + why);
    return r;
}

written_decimal parse_written(std::string_view s, std::string_view what) {
    written_decimal w;
    std::string why = parse_core(s, w.value, w.last_digit_exponent);
    if (!why.empty()) throw bad_input(std::string(what) + ": '" + std::string(s) + "' " + why);
    return w;
}

Decimal Decimal::parse_extended(std::string_view s, std::string_view what) {
    std::string t(s);
    for (auto& ch : t) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    int sg = 1;
    std::string_view body(t);
    if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
        sg = body[0] == '-' ? -1 : 1;
        body.remove_prefix(1);
    }
    if (body == "inf" || body == "infinity") return infinity(sg);
    return parse(s, what);
}

std::string Decimal::str() const {
    if (inf_) return inf_ > 0 ? "inf" : "-inf";
    if (mant_ == 0) return "0";
    bool neg = mant_ < 0;
    std::string d = (neg ? Int(-mant_) : mant_).str();
    std::string out;
    if (exp_ >= 0) {
        out = d + std::string(static_cast<std::size_t>(exp_), '0');
    } else {
        std::size_t fr = static_cast<std::size_t>(-exp_);
        if (d.size() <= fr) d = std::string(fr - d.size() + 1, '0') + d;
        out = d.substr(0, d.size() - fr) + "." + d.substr(d.size() - fr);
    }
    return neg ? "-" + out : out;
}

std::string Decimal::short_str() const {
    if (inf_ || (exp_ > -30 && exp_ < 30)) return str();
    return mant_.str() + "e" + std::to_string(exp_);
}

double Decimal::approx() const {
    if (inf_) return inf_ * HUGE_VAL;
    if (mant_ != 0 && (exp_ > 400 || exp_ < -400)) {  // beyond double range or nearly: by logarithms
        const double l = log10_abs();
        if (l > 309) return sign() * HUGE_VAL;
        if (l < -330) return sign() * 0.0;
    }
    return std::strtod(str().c_str(), nullptr);
}

double Decimal::log10_abs() const {
    if (inf_) throw std::domain_error("log10_abs of inf");
    if (mant_ == 0) return -std::numeric_limits<double>::infinity();
    long e2 = 0;
    double m = std::fabs(mpz_get_d_2exp(&e2, mant_.backend().data()));  // |mant| = m·2^e2, m in [1/2, 1)
    return std::log10(m) + static_cast<double>(e2) * std::log10(2.0) + exp_;
}

void Decimal::align(const Decimal& x, const Decimal& y, Int& mx, Int& my, int& e) {
    e = std::min(x.exp_, y.exp_);
    mx = x.mant_ * pow10_int(static_cast<unsigned>(x.exp_ - e));
    my = y.mant_ * pow10_int(static_cast<unsigned>(y.exp_ - e));
}

Decimal operator+(const Decimal& x, const Decimal& y) {
    if (x.inf_ || y.inf_) {
        if (x.inf_ && y.inf_ && x.inf_ != y.inf_) throw std::domain_error("Decimal: inf - inf");
        return Decimal::infinity(x.inf_ ? x.inf_ : y.inf_);
    }
    Decimal::Int mx, my;
    int e = 0;
    Decimal::align(x, y, mx, my, e);
    return Decimal::from_parts(mx + my, e);
}
Decimal operator-(const Decimal& x, const Decimal& y) { return x + (-y); }
Decimal operator*(const Decimal& x, const Decimal& y) {
    if (x.inf_ || y.inf_) {
        if (x.sign() == 0 || y.sign() == 0) throw std::domain_error("Decimal: 0 * inf");
        return Decimal::infinity(x.sign() * y.sign());
    }
    return Decimal::from_parts(x.mant_ * y.mant_, x.exp_ + y.exp_);
}
Decimal Decimal::half() const {
    if (inf_) return *this;
    return from_parts(mant_ * 5, exp_ - 1);
}

std::optional<Decimal> Decimal::divided_by(unsigned long n) const {
    if (inf_) throw std::domain_error("Decimal: inf / n");
    if (n == 0) throw std::domain_error("Decimal: division by zero");
    // n = 2^i·5^j·r: x/n = (m·10^k / n)·10^(e−k) with k = max(i, j), exact iff n | m·10^k.
    unsigned long r = n;
    unsigned i = 0, j = 0;
    while (r % 2 == 0) r /= 2, ++i;
    while (r % 5 == 0) r /= 5, ++j;
    unsigned k = std::max(i, j);
    Int scaled = mant_ * pow10_int(k);
    if (scaled % Int(n) != 0) return std::nullopt;
    return from_parts(scaled / Int(n), exp_ - static_cast<int>(k));
}

std::string Decimal::fraction_text(unsigned long n) const {
    if (inf_) throw std::domain_error("Decimal: inf / n");
    Int num = mant_, den = Int(n);
    if (exp_ >= 0) num *= pow10_int(static_cast<unsigned>(exp_));
    else den *= pow10_int(static_cast<unsigned>(-exp_));
    Int g = boost::multiprecision::gcd(num, den);
    if (g != 0) num /= g, den /= g;
    return den == 1 ? num.str() : num.str() + "/" + den.str();
}

int compare(const Decimal& x, const Decimal& y) {
    if (x.inf_ || y.inf_) return x.inf_ == y.inf_ ? 0 : (x.inf_ < y.inf_ ? -1 : 1);
    const int sx = x.sign(), sy = y.sign();
    if (sx != sy) return sx < sy ? -1 : 1;
    if (sx != 0 && std::abs(static_cast<long>(x.exp_) - y.exp_) > 64) {
        // far apart exponents: decided by the magnitudes (log10 error < 1e-12·|log|, margin 1)
        // before 10^|Δe| is built
        const double lx = x.log10_abs(), ly = y.log10_abs();
        if (std::fabs(lx - ly) > 1) return (lx > ly) == (sx > 0) ? 1 : -1;
    }
    Decimal::Int mx, my;
    int e;
    Decimal::align(x, y, mx, my, e);
    return mx < my ? -1 : (mx > my ? 1 : 0);
}
int Decimal::order_of_magnitude() const {
    if (inf_) throw std::domain_error("order_of_magnitude of inf");
    if (mant_ == 0) throw std::domain_error("order_of_magnitude of 0");
    std::string d = (mant_ < 0 ? Int(-mant_) : mant_).str();
    return static_cast<int>(d.size()) - 1 + exp_;
}
Decimal Decimal::floor_to_power(int k) const {
    if (inf_ || exp_ >= k) return *this;
    Int scale = pow10_int(static_cast<unsigned>(k - exp_));
    Int q = mant_ / scale;  // truncates toward zero
    if (mant_ < 0 && q * scale != mant_) q -= 1;
    return from_parts(q, k);
}

Decimal split_point(const Decimal& lo, const Decimal& hi) {
    if (!(lo < hi)) throw std::domain_error("split_point: empty interval");
    const Decimal zero(0), one(1);
    auto outward = [&](const Decimal& e) {  // max(2|e|, 1)
        Decimal m = e.abs();
        Decimal d = m + m;
        return d < one ? one : d;
    };
    if (!lo.is_finite() || !hi.is_finite()) {
        if (lo < zero && zero < hi) return zero;
        return hi.is_finite() ? -outward(hi) : outward(lo);
    }
    Decimal w = hi - lo;
    if (w.sign() <= 0) throw std::domain_error("split_point: empty interval");
    // A finite interval wider than split_wide_width is split as an unbounded one: at 0, else
    // outward from the end nearer 0 (a bisection by value would need ~3.3 levels per decade
    // to reach the magnitudes of the other end)
    static const Decimal wide = Decimal::pow10(split_wide_exponent);
    if (w > wide) {
        if (lo < zero && zero < hi) return zero;
        const Decimal s = lo.sign() >= 0 ? outward(lo) : -outward(hi);
        if (lo < s && s < hi) return s;
    }
    int k = w.order_of_magnitude() - 2;  // 10^k <= w/100
    static const Decimal frac = Decimal::parse("0.49609375");  // 127/256
    Decimal s = (lo + w * frac).floor_to_power(k);
    if (!(lo < s && s < hi)) throw std::logic_error("split_point: not interior");
    return s;
}

namespace {
[[noreturn]] void reject(std::string_view s, std::string_view what, const char* why) {
    throw named_error(what, "'" + std::string(s) + "' " + why);
}

/// Directed rounding of x = m·10^e with |e| > exact_exponent_limit: |m| (exact) times or over
/// 10^|e| (correctly rounded), each operation rounded in the direction that keeps the bound,
/// so the result is a bound of x in direction `rnd` (not necessarily the nearest one; RNDN:
/// nearest at each step, an approximation). Beyond MPFR's exponent range the rounding goes to 0
/// / the smallest positive number or to the largest finite / inf, still on the side of `rnd`.
void set_rounded_large_exponent(mpfr_ptr r, const Decimal& x, mpfr_rnd_t rnd) {
    const bool neg = x.sign() < 0;
    const bool nearest = rnd == MPFR_RNDN;
    const bool up_abs = (rnd == MPFR_RNDU) != neg;  // bound |x| from above
    const mpfr_rnd_t r_abs = nearest ? MPFR_RNDN : up_abs ? MPFR_RNDU : MPFR_RNDD;
    const mpfr_rnd_t r_pow = nearest ? MPFR_RNDN : (x.exponent() > 0) == up_abs ? MPFR_RNDU : MPFR_RNDD;
    mpz_t m;
    mpz_init(m);
    mpz_abs(m, x.mantissa().backend().data());
    mpfr_t M, P;
    mpfr_init2(M, std::max<mpfr_prec_t>(static_cast<mpfr_prec_t>(mpz_sizeinbase(m, 2)), MPFR_PREC_MIN));
    mpfr_set_z(M, m, MPFR_RNDN);  // exact: M has the bits of m
    mpfr_init2(P, mpfr_get_prec(r) + 64);
    const unsigned long k = static_cast<unsigned long>(x.exponent() < 0 ? -static_cast<long>(x.exponent()) : x.exponent());
    mpfr_ui_pow_ui(P, 10, k, r_pow);
    if (x.exponent() > 0) mpfr_mul(r, M, P, r_abs);
    else mpfr_div(r, M, P, r_abs);
    if (neg) mpfr_neg(r, r, MPFR_RNDN);  // exact
    mpfr_clears(M, P, static_cast<mpfr_ptr>(nullptr));
    mpz_clear(m);
}
constexpr int exact_exponent_limit = 20000;  // 10^20000: 66 000 bits, the exact route's largest

/// x rounded by `rnd` into r (r's precision): one correctly rounded MPFR operation (lemma A1.2);
/// for |exponent| > exact_exponent_limit a directed bound by two (set_rounded_large_exponent).
void set_rounded(mpfr_ptr r, const Decimal& x, mpfr_rnd_t rnd) {
    if (!x.is_finite()) throw std::domain_error("enclose: infinite decimal");
    if (x.sign() != 0 && (x.exponent() > exact_exponent_limit || x.exponent() < -exact_exponent_limit))
        return set_rounded_large_exponent(r, x, rnd);
    mpz_t p;
    mpz_init(p);
    mpz_ui_pow_ui(p, 10, static_cast<unsigned long>(x.exponent() < 0 ? -x.exponent() : x.exponent()));
    if (x.exponent() >= 0) {
        mpz_mul(p, p, x.mantissa().backend().data());
        mpfr_set_z(r, p, rnd);
    } else {
        mpq_t q;
        mpq_init(q);
        mpq_set_num(q, x.mantissa().backend().data());
        mpq_set_den(q, p);
        mpq_canonicalize(q);
        mpfr_set_q(r, q, rnd);
        mpq_clear(q);
    }
    mpz_clear(p);
}

/// x rounded by `rnd` to double: to 53 bits by `rnd`, then to double by `rnd` (same direction,
/// so the result is the directed rounding of x; for nearest, the value rounded at 53 bits).
double to_double(const Decimal& x, mpfr_rnd_t rnd) {
    mpfr_t t;
    mpfr_init2(t, 53);
    set_rounded(t, x, rnd);
    double d = mpfr_get_d(t, rnd);
    mpfr_clear(t);
    return d;
}
mpfr to_mpfr(const Decimal& x, mpfr_rnd_t rnd) {
    mpfr r = fresh_mpfr();
    set_rounded(raw(r), x, rnd);
    return r;
}

template <class S>
S enclose_as(const Decimal& x, std::string_view text, std::string_view what) {
    if constexpr (std::is_same_v<S, double>) {
        double v = to_double(x, MPFR_RNDN);
        if (std::isinf(v) || std::isinf(to_double(x, MPFR_RNDD)) || std::isinf(to_double(x, MPFR_RNDU)))
            reject(text, what, "overflows double");
        return v;
    } else if constexpr (std::is_same_v<S, mpfr>) {
        mpfr r = to_mpfr(x, MPFR_RNDN);
        if (mpfr_inf_p(raw(r))) reject(text, what, "is outside the exponent range");
        return r;
    } else if constexpr (std::is_same_v<S, idouble>) {
        double lo = to_double(x, MPFR_RNDD), hi = to_double(x, MPFR_RNDU);
        if (std::isinf(lo) || std::isinf(hi)) reject(text, what, "overflows double");
        return idouble(lo, hi);
    } else {
        static_assert(std::is_same_v<S, impfr>);
        mpfr lo = to_mpfr(x, MPFR_RNDD), hi = to_mpfr(x, MPFR_RNDU);
        if (mpfr_inf_p(raw(lo)) || mpfr_inf_p(raw(hi))) reject(text, what, "is outside the exponent range");
        return impfr(lo, hi);
    }
}
}  // namespace

template <class S>
S enclose(const Decimal& x, std::string_view what) {
    return enclose_as<S>(x, x.short_str(), what);
}
template <class S>
S parse(std::string_view s, std::string_view what) {
    return enclose_as<S>(Decimal::parse(s, what), s, what);
}

template double enclose<double>(const Decimal&, std::string_view);
template mpfr enclose<mpfr>(const Decimal&, std::string_view);
template idouble enclose<idouble>(const Decimal&, std::string_view);
template impfr enclose<impfr>(const Decimal&, std::string_view);
template double parse<double>(std::string_view, std::string_view);
template mpfr parse<mpfr>(std::string_view, std::string_view);
template idouble parse<idouble>(std::string_view, std::string_view);
template impfr parse<impfr>(std::string_view, std::string_view);

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
