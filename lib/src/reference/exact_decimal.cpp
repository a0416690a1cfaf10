#include "gancert/reference/exact_decimal.hpp"

#include <cmath>
#include <limits>
#include <memory>
#include <stdexcept>

#include "gancert/arith/decimal.hpp"
#include "gancert/arith/errors.hpp"

namespace gancert::reference {

rational::rational() { mpq_init(q_); }
rational::rational(long n) {
    mpq_init(q_);
    mpq_set_si(q_, n, 1);
}
rational::rational(const rational& o) {
    mpq_init(q_);
    mpq_set(q_, o.q_);
}
rational::rational(rational&& o) noexcept {
    mpq_init(q_);
    mpq_swap(q_, o.q_);
}
rational& rational::operator=(const rational& o) {
    if (this != &o) mpq_set(q_, o.q_);
    return *this;
}
rational& rational::operator=(rational&& o) noexcept {
    mpq_swap(q_, o.q_);
    return *this;
}
rational::~rational() { mpq_clear(q_); }

rational rational::abs() const {
    rational r;
    mpq_abs(r.q_, q_);
    return r;
}
rational operator+(const rational& x, const rational& y) {
    rational r;
    mpq_add(r.q_, x.q_, y.q_);
    return r;
}
rational operator-(const rational& x, const rational& y) {
    rational r;
    mpq_sub(r.q_, x.q_, y.q_);
    return r;
}
rational operator*(const rational& x, const rational& y) {
    rational r;
    mpq_mul(r.q_, x.q_, y.q_);
    return r;
}
rational operator/(const rational& x, const rational& y) {
    if (y.sign() == 0) throw std::domain_error("gancert: rational division by zero");
    rational r;
    mpq_div(r.q_, x.q_, y.q_);
    return r;
}

rational rational::pow10(long k) {
    rational r;
    mpz_ui_pow_ui(mpq_numref(r.q_), 10, static_cast<unsigned long>(k < 0 ? -k : k));
    if (k < 0) mpq_inv(r.q_, r.q_);
    return r;
}

std::string rational::key() const {
    std::unique_ptr<char, void (*)(void*)> s(mpq_get_str(nullptr, 10, q_),
                                             [](void* p) { free(p); });
    return std::string(s.get());
}

rational parse_exact_decimal(std::string_view s, std::string_view what) { return parse_written_decimal(s, what).value; }

written_decimal parse_written_decimal(std::string_view s, std::string_view what) {
    if (!arith::is_decimal(s))
        throw arith::bad_input(std::string(what) + ": '" + std::string(s) + "' is not a finite decimal number");
    std::size_t i = 0;
    bool negative = false;
    if (s[i] == '+' || s[i] == '-') negative = s[i++] == '-';
    std::string digits;
    long exponent = 0;
    for (; i < s.size() && s[i] != 'e' && s[i] != 'E'; ++i) {
        if (s[i] == '.') continue;
        digits.push_back(s[i]);
    }
    // digits after the point lower the exponent
    if (auto dot = s.find('.'); dot != std::string_view::npos) {
        std::size_t end = s.find_first_of("eE");
        if (end == std::string_view::npos) end = s.size();
        exponent -= static_cast<long>(end - dot - 1);
    }
    if (i < s.size()) {  // exponent part (is_decimal guarantees at most 9 digits)
        exponent += std::stol(std::string(s.substr(i + 1)));
    }
    if (exponent > max_decimal_exponent || exponent < -max_decimal_exponent)
        throw arith::bad_input(std::string(what) + ": '" + std::string(s) + "' has a decimal exponent beyond ±" +
                               std::to_string(max_decimal_exponent));
    rational r;
    mpz_set_str(mpq_numref(r.get()), digits.c_str(), 10);
    if (negative) mpz_neg(mpq_numref(r.get()), mpq_numref(r.get()));
    return {r * rational::pow10(exponent), exponent};
}

std::optional<std::string> to_exact_decimal(const rational& x) {
    mpz_t d, two, five, scaled;
    mpz_init_set(d, mpq_denref(x.get()));
    mpz_init_set_ui(two, 2);
    mpz_init_set_ui(five, 5);
    mpz_init(scaled);
    unsigned long i2 = mpz_remove(d, d, two);
    unsigned long i5 = mpz_remove(d, d, five);
    bool terminating = mpz_cmp_ui(d, 1) == 0;
    std::optional<std::string> out;
    if (terminating) {
        unsigned long k = i2 > i5 ? i2 : i5;
        // scaled = num · 10^k / den (exact)
        mpz_ui_pow_ui(scaled, 10, k);
        mpz_mul(scaled, scaled, mpq_numref(x.get()));
        mpz_divexact(scaled, scaled, mpq_denref(x.get()));
        bool negative = mpz_sgn(scaled) < 0;
        mpz_abs(scaled, scaled);
        std::unique_ptr<char, void (*)(void*)> s(mpz_get_str(nullptr, 10, scaled), [](void* p) { free(p); });
        std::string digits(s.get());
        if (digits.size() <= k) digits.insert(0, k + 1 - digits.size(), '0');
        std::string text = digits.substr(0, digits.size() - k);
        if (k > 0) {
            std::string frac = digits.substr(digits.size() - k);
            while (!frac.empty() && frac.back() == '0') frac.pop_back();
            if (!frac.empty()) text += "." + frac;
        }
        out = (negative ? "-" : "") + text;
    }
    mpz_clear(d);
    mpz_clear(two);
    mpz_clear(five);
    mpz_clear(scaled);
    return out;
}

double log10_abs(const rational& x) {
    if (x.sign() == 0) return -std::numeric_limits<double>::infinity();
    long en = 0, ed = 0;
    double mn = std::fabs(mpz_get_d_2exp(&en, mpq_numref(x.get())));
    double md = mpz_get_d_2exp(&ed, mpq_denref(x.get()));
    return std::log10(mn) - std::log10(md) + static_cast<double>(en - ed) * std::log10(2.0);
}

}  // namespace gancert::reference
