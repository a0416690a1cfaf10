// gancert/certify/decimal_number.hpp — exact decimal numbers m·10^e for box bookkeeping.
//
// Box endpoints, split points and midpoints of the certifier are exact decimals, so that the
// verifier can check with exact comparisons that the leaves tile the input box (no gap, no
// overlap beyond shared faces). Arithmetic here is exact (big-integer mantissa); nothing is
// rounded except by the explicit floor_to_power().
//
// Box endpoints may also be ±∞ (unbounded boxes, parse_extended()): an infinite Decimal
// compares below / above every finite one, absorbs finite summands and nonzero factors, and
// any operation without a defined value (∞ − ∞, 0·∞, the digits of ∞) throws
// std::domain_error. Plain parse() accepts finite numbers only.
#pragma once
#include <boost/multiprecision/cpp_int.hpp>
#include <string>
#include <string_view>

namespace gancert::certify {

class Decimal {
public:
    Decimal() = default;
    /// An exact integer.
    explicit Decimal(long long v) : mant_(v) { normalise(); }
    /// Parses an exact decimal ([+-]digits[.digits][e[+-]digits]); throws arith::bad_input
    /// naming `what` when s is not one.
    static Decimal parse(std::string_view s, std::string_view what = "number");
    /// parse() or ±∞: "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity" (any case).
    static Decimal parse_extended(std::string_view s, std::string_view what = "number");
    static Decimal infinity(int sign) { Decimal r; r.inf_ = sign < 0 ? -1 : 1; return r; }
    bool is_finite() const { return inf_ == 0; }

    /// Canonical plain decimal text (no exponent, no trailing zeros, "0" for zero; "inf", "-inf").
    std::string str() const;
    /// Nearest double (round to nearest; for statistics and heuristics only, never bounds).
    double approx() const;

    friend Decimal operator+(const Decimal& x, const Decimal& y);
    friend Decimal operator-(const Decimal& x, const Decimal& y);
    friend Decimal operator*(const Decimal& x, const Decimal& y);
    Decimal operator-() const { Decimal r = *this; r.mant_ = -r.mant_; r.inf_ = -r.inf_; return r; }
    /// x/2, exact (x·5·10^-1).
    Decimal half() const;
    /// Largest multiple of 10^k that is <= x.
    Decimal floor_to_power(int k) const;
    /// floor(log10|x|) for x != 0.
    int order_of_magnitude() const;
    int sign() const { return inf_ ? inf_ : mant_.sign(); }

    friend int compare(const Decimal& x, const Decimal& y);
    friend bool operator<(const Decimal& x, const Decimal& y) { return compare(x, y) < 0; }
    friend bool operator<=(const Decimal& x, const Decimal& y) { return compare(x, y) <= 0; }
    friend bool operator>(const Decimal& x, const Decimal& y) { return compare(x, y) > 0; }
    friend bool operator>=(const Decimal& x, const Decimal& y) { return compare(x, y) >= 0; }
    friend bool operator==(const Decimal& x, const Decimal& y) { return compare(x, y) == 0; }

private:
    using Int = boost::multiprecision::cpp_int;
    Int mant_{0};
    int exp_{0};  // value = mant_ · 10^exp_ (finite)
    int inf_{0};  // −1: −∞, +1: +∞ (mant_, exp_ unused), 0: finite
    void normalise();
    static Int pow10(unsigned k);
    static void align(const Decimal& x, const Decimal& y, Int& mx, Int& my, int& e);
};

/// The split point of [lo, hi] (lo < hi): a short exact decimal near lo + (127/256)(hi − lo),
/// strictly inside (lo, hi) — rounded down to a multiple of 10^k with 10^k <= (hi − lo)/100.
/// An unbounded interval is split at 0 when 0 is interior, else at ±max(2|e|, 1) for its
/// finite endpoint e ([lo, ∞) with lo >= 0 at max(2lo, 1); (−∞, hi] with hi <= 0 at
/// −max(2|hi|, 1)): a bounded part and a smaller unbounded part farther out.
Decimal split_point(const Decimal& lo, const Decimal& hi);

}  // namespace gancert::certify
