// Decimal input encloses the exact decimal; decimal output rounds outward. Both are checked
// with exact rational arithmetic (GMP mpq), independently of MPFR's string conversions.
#include <gmp.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include "gancert/arith/decimal.hpp"
#include "gancert/arith/scalar.hpp"

using namespace gancert::arith;

namespace {

/// Exact rational of a decimal string [+-]digits[.digits][e[+-]digits], by our own parser.
struct rational {
    mpq_t q;
    explicit rational(const std::string& s) {
        mpq_init(q);
        std::size_t i = 0;
        bool neg = false;
        if (s[i] == '+' || s[i] == '-') neg = s[i++] == '-';
        std::string digits;
        long frac = 0;
        bool dot = false;
        for (; i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.'); ++i) {
            if (s[i] == '.') {
                dot = true;
            } else {
                digits.push_back(s[i]);
                frac += dot;
            }
        }
        long e = 0;
        if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) e = std::strtol(s.c_str() + i + 1, nullptr, 10);
        mpz_t num, p10;
        mpz_init_set_str(num, digits.c_str(), 10);
        mpz_init(p10);
        long shift = e - frac;
        mpz_ui_pow_ui(p10, 10, static_cast<unsigned long>(shift < 0 ? -shift : shift));
        if (shift >= 0) {
            mpz_mul(num, num, p10);
            mpq_set_z(q, num);
        } else {
            mpq_set_num(q, num);
            mpq_set_den(q, p10);
            mpq_canonicalize(q);
        }
        if (neg) mpq_neg(q, q);
        mpz_clear(num);
        mpz_clear(p10);
    }
    ~rational() { mpq_clear(q); }
    rational(const rational&) = delete;
    rational& operator=(const rational&) = delete;
};

/// sign(x − q), exactly.
int cmp(const mpfr& x, const rational& r) { return mpfr_cmp_q(raw(x), r.q); }
int cmp(double x, const rational& r) {
    mpfr_t t;
    mpfr_init2(t, 53);
    mpfr_set_d(t, x, MPFR_RNDN);
    int c = mpfr_cmp_q(t, r.q);
    mpfr_clear(t);
    return c;
}

std::string random_decimal(std::mt19937_64& rng) {
    std::string s;
    if (rng() & 1) s += '-';
    int int_digits = static_cast<int>(rng() % 20), frac_digits = static_cast<int>(rng() % 25);
    if (int_digits + frac_digits == 0) int_digits = 1;
    for (int k = 0; k < int_digits; ++k) s += static_cast<char>('0' + rng() % 10);
    if (frac_digits) {
        s += '.';
        for (int k = 0; k < frac_digits; ++k) s += static_cast<char>('0' + rng() % 10);
    }
    if (rng() % 3 == 0) {  // |value| stays below 1e270 (finite in double)
        s += 'e';
        s += std::to_string(static_cast<int>(rng() % 550) - 300);
    }
    return s;
}

}  // namespace

TEST_CASE("parse<impfr> of 2.2 contains 22/10 exactly and is one ulp wide", "[arith][decimal]") {
    rational r22("2.2");
    for (unsigned bits : {24u, 53u, 64u, 113u, 128u, 256u, 1000u, 4096u}) {
        INFO(bits << " bits");
        precision_guard g(bits);
        impfr x = parse<impfr>("2.2", "x");
        CHECK(cmp(x.lower(), r22) < 0);  // 22/10 is not a binary fraction: strict
        CHECK(cmp(x.upper(), r22) > 0);
        CHECK(mpfr_get_prec(raw(x.lower())) == static_cast<mpfr_prec_t>(bits));
        mpfr next = x.lower();
        mpfr_nextabove(raw(next));
        CHECK(mpfr_equal_p(raw(next), raw(x.upper())));  // tightest enclosure
        // the brief's variant: 10·lo <= 22 <= 10·hi with exact products
        mpfr_t t;
        mpfr_init2(t, bits + 8);
        mpfr_mul_ui(t, raw(x.lower()), 10, MPFR_RNDN);  // exact at bits + 4
        CHECK(mpfr_cmp_ui(t, 22) < 0);
        mpfr_mul_ui(t, raw(x.upper()), 10, MPFR_RNDN);
        CHECK(mpfr_cmp_ui(t, 22) > 0);
        mpfr_clear(t);
    }
    idouble d = parse<idouble>("2.2", "x");
    CHECK(cmp(d.lower(), r22) < 0);
    CHECK(cmp(d.upper(), r22) > 0);
    CHECK(std::nextafter(d.lower(), 3.0) == d.upper());
}

TEST_CASE("parse encloses random exact decimals and exact decimals give point intervals", "[arith][decimal]") {
    std::mt19937_64 rng(2026);
    for (int k = 0; k < 3000; ++k) {
        const std::string s = random_decimal(rng);
        INFO(s);
        rational r(s);
        for (unsigned bits : {53u, 128u, 300u}) {
            precision_guard g(bits);
            impfr x = parse<impfr>(s, "x");
            CHECK(cmp(x.lower(), r) <= 0);
            CHECK(cmp(x.upper(), r) >= 0);
            // a point interval iff the decimal is exactly representable
            if (mpfr_equal_p(raw(x.lower()), raw(x.upper()))) CHECK(cmp(x.lower(), r) == 0);
        }
        idouble d = parse<idouble>(s, "x");
        CHECK(cmp(d.lower(), r) <= 0);
        CHECK(cmp(d.upper(), r) >= 0);
        CHECK((d.lower() == d.upper() || std::nextafter(d.lower(), 1e300) == d.upper()));
        // parse<double> is the correctly rounded value (glibc strtod is correctly rounded)
        CHECK(parse<double>(s, "x") == std::strtod(s.c_str(), nullptr));
    }
    // exactly representable decimals are points
    precision_guard g(64);
    impfr q = parse<impfr>("0.375", "x");
    CHECK(mpfr_equal_p(raw(q.lower()), raw(q.upper())));
    CHECK(mpfr_cmp_d(raw(q.lower()), 0.375) == 0);
}

namespace {
template <class I>
void check_outward(const I& x, unsigned digits, int& checked) {
    auto [lo, hi] = to_decimal_outward(x, digits);
    INFO("printed [" << lo << ", " << hi << "] at " << digits << " digits");
    REQUIRE(lo.find("nan") == std::string::npos);
    REQUIRE(hi.find("nan") == std::string::npos);
    ++checked;
    if (lo == "-inf" || hi == "inf") {  // only an unbounded true endpoint may print as ∓inf
        const bool lower_unbounded = x.lower() == -std::numeric_limits<double>::infinity();
        const bool upper_unbounded = x.upper() == std::numeric_limits<double>::infinity();
        if (lo == "-inf") CHECK(lower_unbounded);
        if (hi == "inf") CHECK(upper_unbounded);
        return;
    }
    rational rl(lo), rh(hi);
    CHECK(cmp(x.lower(), rl) >= 0);  // printed lo <= true lo
    CHECK(cmp(x.upper(), rh) <= 0);  // printed hi >= true hi
    // and read back with directed rounding at the endpoint precision: still outside
    mpfr_t t;
    mpfr_init2(t, 4200);
    mpfr_set_str(t, lo.c_str(), 10, MPFR_RNDU);
    if constexpr (std::is_same_v<I, idouble>)
        CHECK(mpfr_cmp_d(t, x.lower()) <= 0);
    else
        CHECK(mpfr_cmp(t, raw(x.lower())) <= 0);
    mpfr_set_str(t, hi.c_str(), 10, MPFR_RNDD);
    if constexpr (std::is_same_v<I, idouble>)
        CHECK(mpfr_cmp_d(t, x.upper()) >= 0);
    else
        CHECK(mpfr_cmp(t, raw(x.upper())) >= 0);
    mpfr_clear(t);
}
}  // namespace

TEST_CASE("to_decimal_outward: printed lo <= true lo and printed hi >= true hi", "[arith][decimal]") {
    std::mt19937_64 rng(7);
    int checked = 0;
    for (int k = 0; k < 1500; ++k) {
        const std::string a = random_decimal(rng), b = random_decimal(rng);
        const unsigned digits = 1 + static_cast<unsigned>(rng() % 35);
        {
            idouble x = parse<idouble>(a, "a"), y = parse<idouble>(b, "b");
            check_outward(boost::numeric::hull(x, y), digits, checked);
            check_outward(exp(x / (y * y + idouble(1.0))), digits, checked);
        }
        for (unsigned bits : {64u, 256u, 1024u}) {
            precision_guard g(bits);
            impfr x = parse<impfr>(a, "a"), y = parse<impfr>(b, "b");
            check_outward(boost::numeric::hull(x, y), digits, checked);
            check_outward(erf(x) * y, digits, checked);
        }
    }
    // endpoints at a precision different from the thread's current one (precision must survive)
    {
        impfr x;
        {
            precision_guard g(1024);
            x = impfr(integer<impfr>(1) / integer<impfr>(3));
        }
        precision_guard g(53);
        check_outward(x, 300, checked);
        auto [lo, hi] = to_decimal_outward(x, 300);
        CHECK(lo.size() > 250);  // all 300 digits are meaningful at 1024 bits
    }
    // edge cases: subnormals, the double range's ends, zero-crossing and point intervals, 1 digit
    const double tiny = std::numeric_limits<double>::denorm_min(), big = std::numeric_limits<double>::max();
    for (auto [a, b] : {std::pair{tiny, tiny}, {tiny, 3 * tiny}, {-tiny, tiny}, {0.0, 0.0}, {-big, big},
                        {big, big}, {std::numeric_limits<double>::min(), 1.0}, {-1e-320, -1e-321}, {0.1, 0.1}})
        for (unsigned digits : {1u, 2u, 17u, 40u}) check_outward(idouble(a, b), digits, checked);
    CHECK(checked > 10000);
}

TEST_CASE("enclose<S> of Decimal arithmetic is the tightest enclosure of the exact rational", "[arith][decimal]") {
    std::mt19937_64 rng(20261207);
    for (int k = 0; k < 2000; ++k) {
        const std::string sx = random_decimal(rng), sy = random_decimal(rng);
        INFO(sx << " and " << sy);
        rational rx(sx), ry(sy);
        mpq_t sum, prod;
        mpq_inits(sum, prod, static_cast<mpq_ptr>(nullptr));
        mpq_add(sum, rx.q, ry.q);
        mpq_mul(prod, rx.q, ry.q);
        const Decimal x = Decimal::parse(sx, "x"), y = Decimal::parse(sy, "y");
        for (unsigned bits : {53u, 200u}) {
            precision_guard g(bits);
            for (const auto& [d, q] : {std::pair<Decimal, mpq_srcptr>{x + y, sum}, {x * y, prod}}) {
                impfr e = enclose<impfr>(d, "x");
                CHECK(mpfr_cmp_q(raw(e.lower()), q) <= 0);
                CHECK(mpfr_cmp_q(raw(e.upper()), q) >= 0);
                mpfr next = e.lower();
                if (!mpfr_equal_p(raw(next), raw(e.upper()))) {  // else exact: a point
                    mpfr_nextabove(raw(next));
                    CHECK(mpfr_equal_p(raw(next), raw(e.upper())));
                } else {
                    CHECK(mpfr_cmp_q(raw(e.lower()), q) == 0);
                }
            }
        }
        // the exact product of the double-range values as a double enclosure
        if (std::abs(x.approx() * y.approx()) < 1e300 && std::abs(x.approx() * y.approx()) > 1e-300) {
            idouble e = enclose<idouble>(x * y, "x");
            CHECK(cmp(e.lower(), rational((x * y).str())) <= 0);
            CHECK(cmp(e.upper(), rational((x * y).str())) >= 0);
        }
        mpq_clears(sum, prod, static_cast<mpq_ptr>(nullptr));
        // parse<S> is Decimal::parse then enclose<S>
        CHECK(parse<idouble>(sx, "x").lower() == enclose<idouble>(x, "x").lower());
        CHECK(parse<idouble>(sx, "x").upper() == enclose<idouble>(x, "x").upper());
    }
}

TEST_CASE("Decimal: exact doubles, exact division, log10 and canonical text", "[arith][decimal]") {
    std::mt19937_64 rng(7);
    for (int k = 0; k < 2000; ++k) {
        double v;
        do {
            std::uint64_t bits = rng();
            std::memcpy(&v, &bits, sizeof v);
        } while (!std::isfinite(v));
        const std::string text = Decimal::exact(v).str();
        INFO(text);
        mpfr_t t;
        mpfr_init2(t, 2200);  // every double's exact decimal fits (<= 1074 fraction bits)
        CHECK(mpfr_set_str(t, text.c_str(), 10, MPFR_RNDN) == 0);  // 0: exact, so the text is exact
        CHECK(mpfr_cmp_d(t, v) == 0);
        mpfr_clear(t);
    }
    // x/n terminates iff n's prime factors other than 2 and 5 divide the mantissa
    for (long long p = -60; p <= 60; ++p)
        for (unsigned long n = 1; n <= 40; ++n) {
            INFO(p << "/" << n);
            auto q = Decimal(p).divided_by(n);
            unsigned long r = n;
            while (r % 2 == 0) r /= 2;
            while (r % 5 == 0) r /= 5;
            CHECK(q.has_value() == (p % static_cast<long long>(r) == 0));
            if (q) CHECK(*q * Decimal(static_cast<long long>(n)) == Decimal(p));
        }
    CHECK(Decimal(6).fraction_text(4) == "3/2");
    CHECK(Decimal::parse("0.1").fraction_text(3) == "1/30");
    CHECK(Decimal::parse("-2.50e1").str() == "-25");
    CHECK(Decimal::parse("1e40").short_str() == "1e40");
    CHECK(Decimal::parse("123.4500e-40").log10_abs() == Approx(std::log10(123.45) - 40).margin(1e-12));
    CHECK(parse_written("1.250", "y").last_digit_exponent == -3);
    CHECK(parse_written("12e5", "y").last_digit_exponent == 5);
    CHECK_THROWS_AS(Decimal::parse("1e100001", "x"), bad_parameter);
    CHECK_THROWS_WITH(parse_written("x", "file.csv:3: column J"), Catch::StartsWith("file.csv:3: column J: 'x'"));
}

TEST_CASE("Recorded decimals far beyond 1e-100000: parse_recorded, compare and enclose", "[arith][decimal]") {
    // user input keeps the cheap limit; a certificate's own enclosures (e^{-b²} at |b| ~ 1e4)
    // need MPFR's exponent range
    CHECK_THROWS_AS(Decimal::parse("2.5e-103499", "x"), bad_parameter);
    CHECK_THROWS_AS(Decimal::parse_recorded("1e-400000001", "x"), bad_parameter);
    std::mt19937_64 rng(11);
    precision_guard guard(128);
    for (int k = 0; k < 300; ++k) {
        const long e = static_cast<long>(rng() % 300000000) - 150000000;
        const unsigned long long m = rng() % 1000000000000ULL + 1;
        const std::string text = (k % 2 ? "-" : "") + std::to_string(m) + "e" + std::to_string(e);
        INFO(text);
        const Decimal x = Decimal::parse_recorded(text, "x");
        // the reference: MPFR's own string conversion (a different algorithm), correctly rounded
        mpfr_t lo, hi;
        mpfr_inits2(128, lo, hi, static_cast<mpfr_ptr>(nullptr));
        mpfr_set_str(lo, text.c_str(), 10, MPFR_RNDD);
        mpfr_set_str(hi, text.c_str(), 10, MPFR_RNDU);
        const impfr X = enclose<impfr>(x, "x");
        // a valid bound on each side (ours may be looser than the tightest, never inside it) …
        CHECK(mpfr_cmp(raw(X.lower()), lo) <= 0);
        CHECK(mpfr_cmp(raw(X.upper()), hi) >= 0);
        // … and tight: within 2^-100 relative of the value
        mpfr_t w;
        mpfr_init2(w, 128);
        mpfr_sub(w, raw(X.upper()), raw(X.lower()), MPFR_RNDU);
        mpfr_div(w, w, hi, MPFR_RNDU);
        CHECK(mpfr_cmp_d(w, std::ldexp(1.0, -100)) <= 0);
        mpfr_clears(lo, hi, w, static_cast<mpfr_ptr>(nullptr));
        // compare across far exponents without building 10^|Δe|; against the logarithms
        const Decimal y = Decimal::parse_recorded(std::to_string(m) + "e" + std::to_string(e + 1000), "y");
        CHECK(x < y);  // y > 0 > x, or y = 10^1000·x > x > 0
        CHECK(!(y < x));
        CHECK(Decimal(0) < y);
        CHECK((x.sign() < 0) == (x < Decimal(0)));
        CHECK(x == Decimal::parse_recorded(text, "x"));
    }
}
