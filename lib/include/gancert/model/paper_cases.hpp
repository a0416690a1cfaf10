// gancert/model/paper_cases.hpp — the paper's two parameter points, defined once.
//
// Case A = (a, b, g, h, c) = (2.2, −3, 1.5, −2, 0.5), Case B = (1.21, −1, 0.35, −4, 4.04)
// (docs/mathematics.md §1): the starts of the paper's gradient-play runs, and the fixed
// generator/data parameters of `--case A|B` everywhere (certify, atlas, surface, trajectory,
// Python). Exact decimal strings: "2.2" means 22/10.
//
// Contract: parse_paper_case accepts exactly "A", "a", "B", "b" and throws arith::bad_parameter
// naming "case" otherwise; paper_case returns the exact decimals (never rounded).
#pragma once
#include <string>

#include "gancert/model/params.hpp"

namespace gancert::model {

enum class PaperCase { A, B };

/// The exact decimal parameters of a case.
DecimalParams paper_case(PaperCase which);

/// "A"/"a" → A, "B"/"b" → B; anything else throws arith::bad_parameter naming "case".
PaperCase parse_paper_case(const std::string& name);

}  // namespace gancert::model
