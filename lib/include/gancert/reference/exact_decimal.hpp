// gancert/reference/exact_decimal.hpp — exact rational arithmetic on decimal strings.
//
// Reference tables identify points and compare values by their *exact* decimal meaning:
// "0.50", ".5" and "5e-1" are the same number, "2.2" is 22/10. This header wraps GMP's
// mpq_t (exact rationals, no rounding anywhere) with just what gancert's reference and
// compare tools need: exact parsing, exact printing of terminating decimals, exact
// comparison and a log10 estimate for reporting correct digits.
//
// Contract: exact (no rounding); non-decimal input throws arith::bad_input naming `what`;
// division by zero throws std::domain_error; to_exact_decimal returns std::nullopt for a
// rational that is not a terminating decimal.
#pragma once
#include <gmp.h>

#include <optional>
#include <string>
#include <string_view>

namespace gancert::reference {

/// Largest |decimal exponent| accepted by parse_exact_decimal: keeps 10^e representable
/// without pathological memory use (1e100000 has ~330 000 bits).
inline constexpr long max_decimal_exponent = 100000;

/// An exact rational number (GMP mpq_t, always in canonical form). Value semantics.
class rational {
public:
    rational();
    explicit rational(long n);
    rational(const rational& o);
    rational(rational&& o) noexcept;
    rational& operator=(const rational& o);
    rational& operator=(rational&& o) noexcept;
    ~rational();

    mpq_srcptr get() const { return q_; }
    mpq_ptr get() { return q_; }

    int sign() const { return mpq_sgn(q_); }
    rational abs() const;

    friend rational operator+(const rational& x, const rational& y);
    friend rational operator-(const rational& x, const rational& y);
    friend rational operator*(const rational& x, const rational& y);
    /// Exact quotient; throws std::domain_error on division by zero.
    friend rational operator/(const rational& x, const rational& y);
    friend int compare(const rational& x, const rational& y) { return mpq_cmp(x.q_, y.q_); }
    friend bool operator==(const rational& x, const rational& y) { return mpq_equal(x.q_, y.q_) != 0; }
    friend bool operator<(const rational& x, const rational& y) { return compare(x, y) < 0; }
    friend bool operator<=(const rational& x, const rational& y) { return compare(x, y) <= 0; }
    friend bool operator>(const rational& x, const rational& y) { return compare(x, y) > 0; }
    friend bool operator>=(const rational& x, const rational& y) { return compare(x, y) >= 0; }

    /// 10^k exactly (k may be negative).
    static rational pow10(long k);

    /// A canonical text form "num/den" (or "num"): equal numbers give equal keys.
    std::string key() const;

private:
    mpq_t q_;
};

/// Parses a finite decimal ([+-]digits[.digits][e[+-]digits], arith::is_decimal) into the
/// exact rational it denotes. Throws arith::bad_input naming `what` if s is not a finite
/// decimal or its exponent exceeds max_decimal_exponent in magnitude.
rational parse_exact_decimal(std::string_view s, std::string_view what);

/// A decimal as written: its exact value and the exponent k of its last written digit
/// ("1.250" and "1250e-3": k = -3; "12e5": k = 5), i.e. the precision it is printed to.
struct written_decimal {
    rational value;
    long last_digit_exponent = 0;
};

/// parse_exact_decimal, keeping the last digit's exponent. Same preconditions and errors.
written_decimal parse_written_decimal(std::string_view s, std::string_view what);

/// Positional decimal text of x ("-0.25", "3", "0.001") if x is a terminating decimal
/// (reduced denominator of the form 2^i·5^j); std::nullopt otherwise. Exact: parsing the
/// result gives x back.
std::optional<std::string> to_exact_decimal(const rational& x);

/// An approximation of log10|x| (error < 1e-12 relative to the magnitude of the result,
/// plenty for reporting digits). Precondition: x != 0 (returns -inf for 0).
double log10_abs(const rational& x);

}  // namespace gancert::reference
