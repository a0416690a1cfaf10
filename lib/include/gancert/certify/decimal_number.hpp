// gancert/certify/decimal_number.hpp — exact decimal numbers m·10^e for box bookkeeping.
//
// Box endpoints, split points and midpoints of the certifier are exact decimals, so that the
// verifier can check with exact comparisons that the leaves tile the input box (no gap, no
// overlap beyond shared faces). Arithmetic here is exact (big-integer mantissa); nothing is
// rounded except by the explicit floor_to_power().
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

    /// Canonical plain decimal text (no exponent, no trailing zeros, "0" for zero).
    std::string str() const;
    /// Nearest double (round to nearest; for statistics and heuristics only, never bounds).
    double approx() const;

    friend Decimal operator+(const Decimal& x, const Decimal& y);
    friend Decimal operator-(const Decimal& x, const Decimal& y);
    friend Decimal operator*(const Decimal& x, const Decimal& y);
    Decimal operator-() const { Decimal r = *this; r.mant_ = -r.mant_; return r; }
    /// x/2, exact (x·5·10^-1).
    Decimal half() const;
    /// Largest multiple of 10^k that is <= x.
    Decimal floor_to_power(int k) const;
    /// floor(log10|x|) for x != 0.
    int order_of_magnitude() const;
    int sign() const { return mant_.sign(); }

    friend int compare(const Decimal& x, const Decimal& y);
    friend bool operator<(const Decimal& x, const Decimal& y) { return compare(x, y) < 0; }
    friend bool operator<=(const Decimal& x, const Decimal& y) { return compare(x, y) <= 0; }
    friend bool operator>(const Decimal& x, const Decimal& y) { return compare(x, y) > 0; }
    friend bool operator>=(const Decimal& x, const Decimal& y) { return compare(x, y) >= 0; }
    friend bool operator==(const Decimal& x, const Decimal& y) { return compare(x, y) == 0; }

private:
    using Int = boost::multiprecision::cpp_int;
    Int mant_{0};
    int exp_{0};  // value = mant_ · 10^exp_
    void normalise();
    static Int pow10(unsigned k);
    static void align(const Decimal& x, const Decimal& y, Int& mx, Int& my, int& e);
};

/// The split point of [lo, hi] (lo < hi): a short exact decimal near lo + (127/256)(hi − lo),
/// strictly inside (lo, hi) — rounded down to a multiple of 10^k with 10^k <= (hi − lo)/100.
Decimal split_point(const Decimal& lo, const Decimal& hi);

}  // namespace gancert::certify
