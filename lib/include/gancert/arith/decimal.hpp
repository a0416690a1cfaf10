// gancert/arith/decimal.hpp — the library's one exact-decimal type, its parser, and decimal output.
//
// User parameters, box endpoints, split points, tolerances and reference values are decimal
// strings and mean the exact decimal: "2.2" is 22/10, which no binary float equals. Decimal
// holds m·10^e exactly (big-integer mantissa m, int exponent e) or ±∞; arithmetic (+ − ×,
// half, exact division where the quotient terminates) and comparisons are exact, nothing is
// rounded except by the explicit floor_to_power(). enclose<S> converts a Decimal to S without
// any text round-trip: for interval types the tightest interval of S's endpoint type containing
// it (one correctly rounded MPFR operation per endpoint, MPFR_RNDD/MPFR_RNDU, lemma A1.2); for
// double/mpfr the nearest value. parse<S>(text) is Decimal::parse followed by enclose<S>.
// Printing of intervals rounds outward: the printed lower bound is <= the true lower endpoint,
// the printed upper bound >= the upper endpoint.
//
// Contract: Decimal::parse accepts exactly [+-]digits[.digits][(e|E)[+-]digits] (is_decimal)
// with |exponent| <= max_decimal_exponent; anything else (nan, inf, 1e, 0x10, spaces) throws
// arith::bad_parameter naming the argument (named_error). parse_extended also accepts ±inf.
// An operation without a defined value (∞ − ∞, 0·∞, digits of ∞) throws std::domain_error.
// enclose<S>/parse<S> never return an interval that misses the exact decimal; a decimal outside
// S's range throws bad_parameter naming the argument. Outward printing never prints a bound
// inside the interval.
#pragma once
#include <boost/multiprecision/gmp.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "gancert/arith/errors.hpp"
#include "gancert/arith/interval.hpp"

namespace gancert::arith {

/// True iff s is a finite decimal: [+-]digits[.digits][(e|E)[+-]digits] (at least one digit
/// in the mantissa; no "nan", "inf", hex or surrounding spaces).
bool is_decimal(std::string_view s) noexcept;

/// Largest |decimal exponent| Decimal::parse accepts: keeps 10^e representable without
/// pathological memory use (1e100000 has ~330 000 bits).
inline constexpr long max_decimal_exponent = 100000;
/// Largest |decimal exponent| of a number the library wrote itself into a certificate (an
/// enclosure such as e^{-b²} at |b| ~ 10^4 is far below 1e-100000; MPFR's default exponent
/// range is about ±3.2e8 in decimal): Decimal::parse_recorded.
inline constexpr long max_recorded_exponent = 400000000;

class Decimal {
public:
    Decimal() = default;
    /// An exact integer.
    explicit Decimal(long long v) : mant_(v) { normalise(); }
    /// Parses an exact decimal (see the header comment); throws bad_parameter naming `what`.
    static Decimal parse(std::string_view s, std::string_view what = "number");
    /// parse() with |exponent| <= max_recorded_exponent: for the recorded enclosures of a
    /// certificate (not for user input, whose exponents max_decimal_exponent keeps cheap).
    static Decimal parse_recorded(std::string_view s, std::string_view what = "number");
    /// parse() or ±∞: "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity" (any case).
    static Decimal parse_extended(std::string_view s, std::string_view what = "number");
    static Decimal infinity(int sign) { Decimal r; r.inf_ = sign < 0 ? -1 : 1; return r; }
    using Int = boost::multiprecision::mpz_int;
    /// mant·10^exp exactly.
    static Decimal from_parts(Int mant, int exp);
    /// The exact value of a finite double (a dyadic rational m·2^-k = m·5^k·10^-k).
    static Decimal exact(double x);
    /// 10^k exactly (|k| <= max_decimal_exponent).
    static Decimal pow10(long k);
    bool is_finite() const { return inf_ == 0; }

    /// Canonical plain decimal text (no exponent, no trailing zeros, "0" for zero; "inf", "-inf"):
    /// equal numbers give equal texts, and parse(str()) gives the number back.
    std::string str() const;
    /// Short text for messages: str() if short, else "<mantissa>e<exponent>".
    std::string short_str() const;
    /// Nearest double (round to nearest; for statistics and heuristics only, never bounds).
    double approx() const;
    /// An approximation of log10|x| (error < 1e-12 relative to the magnitude of the result;
    /// for reporting digits, never bounds); -inf for 0. Throws std::domain_error for ±∞.
    double log10_abs() const;

    friend Decimal operator+(const Decimal& x, const Decimal& y);
    friend Decimal operator-(const Decimal& x, const Decimal& y);
    friend Decimal operator*(const Decimal& x, const Decimal& y);
    Decimal operator-() const { Decimal r = *this; r.mant_ = -r.mant_; r.inf_ = -r.inf_; return r; }
    Decimal abs() const { return sign() < 0 ? -*this : *this; }
    /// x/2, exact (x·5·10^-1).
    Decimal half() const;
    /// x/n exactly if that is a terminating decimal (n = 2^i·5^j·r with r | m), else nullopt.
    /// Precondition: x finite, n >= 1.
    std::optional<Decimal> divided_by(unsigned long n) const;
    /// The reduced fraction x/n as "p/q" (or "p" when it is an integer), for messages.
    std::string fraction_text(unsigned long n) const;
    /// Largest multiple of 10^k that is <= x.
    Decimal floor_to_power(int k) const;
    /// floor(log10|x|) for x != 0.
    int order_of_magnitude() const;
    int sign() const { return inf_ ? inf_ : mant_.sign(); }

    /// value = mantissa()·10^exponent() for finite x (mantissa has no trailing zeros).
    const Int& mantissa() const { return mant_; }
    int exponent() const { return exp_; }

    friend int compare(const Decimal& x, const Decimal& y);
    friend bool operator<(const Decimal& x, const Decimal& y) { return compare(x, y) < 0; }
    friend bool operator<=(const Decimal& x, const Decimal& y) { return compare(x, y) <= 0; }
    friend bool operator>(const Decimal& x, const Decimal& y) { return compare(x, y) > 0; }
    friend bool operator>=(const Decimal& x, const Decimal& y) { return compare(x, y) >= 0; }
    friend bool operator==(const Decimal& x, const Decimal& y) { return compare(x, y) == 0; }
    friend bool operator!=(const Decimal& x, const Decimal& y) { return compare(x, y) != 0; }

private:
    Int mant_{0};
    int exp_{0};  // value = mant_ · 10^exp_ (finite)
    int inf_{0};  // −1: −∞, +1: +∞ (mant_, exp_ unused), 0: finite
    void normalise();
    static Int pow10_int(unsigned k);
    static void align(const Decimal& x, const Decimal& y, Int& mx, Int& my, int& e);
};

/// A decimal as written: its exact value and the exponent k of its last written digit
/// ("1.250" and "1250e-3": k = -3; "12e5": k = 5), i.e. the precision it is printed to.
struct written_decimal {
    Decimal value;
    long last_digit_exponent = 0;
};
/// Decimal::parse, keeping the last digit's exponent. Same syntax and errors.
written_decimal parse_written(std::string_view s, std::string_view what = "number");

/// The split point of [lo, hi] (lo < hi): a short exact decimal near lo + (127/256)(hi − lo),
/// strictly inside (lo, hi) — rounded down to a multiple of 10^k with 10^k <= (hi − lo)/100.
/// An unbounded interval is split at 0 when 0 is interior, else at ±max(2|e|, 1) for its
/// finite endpoint e ([lo, ∞) with lo >= 0 at max(2lo, 1); (−∞, hi] with hi <= 0 at
/// −max(2|hi|, 1)): a bounded part and a smaller unbounded part farther out. A finite interval
/// wider than 10^split_wide_exponent is split the same way (at 0, else at ±max(2|e|, 1) for the
/// end e nearer 0) when that point is interior: [0, 1e400] at 1, [1, 1e400] at 2, …
inline constexpr int split_wide_exponent = 30;
Decimal split_point(const Decimal& lo, const Decimal& hi);

/// The finite Decimal x as S (see the header comment): intervals enclose x, double/mpfr are
/// nearest. Throws bad_parameter naming `what` when x is outside S's range; std::domain_error
/// for ±∞. impfr/mpfr use this thread's working precision.
template <class S>
S enclose(const Decimal& x, std::string_view what = "number");

/// enclose<S>(Decimal::parse(s, what), what), with `s` as written in the error messages.
template <class S>
S parse(std::string_view s, std::string_view what = "number");

/// Decimal rendering of a bound: `digits` significant digits, rounded down / up / to nearest.
std::string to_decimal(const mpfr& x, unsigned digits, mpfr_rnd_t rnd);
std::string to_decimal(double x, unsigned digits, mpfr_rnd_t rnd);

/// Outward decimal rendering of an interval: {lo rounded down, hi rounded up}, with enough
/// significant digits (at least `digits`) that the printed width shows the true width.
template <class T>
std::pair<std::string, std::string> to_decimal_outward(const interval<T>& x, unsigned digits);

/// Decimal digits needed so that rounding both ends to that many digits does not blur an
/// interval of this relative width by more than a factor ~2 (capped at `cap`).
unsigned digits_to_show_width(const mpfr& lo, const mpfr& hi, unsigned min_digits, unsigned cap);

}  // namespace gancert::arith
