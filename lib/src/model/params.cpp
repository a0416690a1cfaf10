#include "gancert/model/params.hpp"

#include <mpfr.h>

namespace gancert::model {

namespace {
int sign_of_decimal(const std::string& s) {
    mpfr_t t;
    mpfr_init2(t, 64);
    mpfr_set_str(t, s.c_str(), 10, MPFR_RNDN);  // sign and zero-ness are exact under rounding
    int sg = mpfr_sgn(t);
    mpfr_clear(t);
    return sg;
}
void require_decimal(const std::string& s, const char* name) {
    if (!arith::is_decimal(s))
        throw arith::bad_input(std::string("--") + name + ": '" + s +
                               "' is not a finite decimal number");
}
}  // namespace

void validate(const DecimalParams& p) {
    require_decimal(p.a, "a");
    require_decimal(p.b, "b");
    require_decimal(p.g, "g");
    require_decimal(p.h, "h");
    require_decimal(p.c, "c");
    if (sign_of_decimal(p.c) <= 0)
        throw arith::bad_input("--c: '" + p.c + "' is outside the domain (the data rate c must be > 0)");
    if (sign_of_decimal(p.g) < 0)
        throw arith::bad_input("--g: '" + p.g + "' is outside the domain (the generator scale g must be >= 0)");
}

}  // namespace gancert::model
