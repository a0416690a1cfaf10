// gancert/certify/certificate.hpp — the certificate file: versioned JSON Lines.
//
// Line 1   header  {"format": "gancert-certificate", "version": 1, "claim": {...},
//                   "model": {...exact decimals...}, "box": {"names", "lo", "hi"}, "settings": {...},
//                   "tool_version": "0.1.0" (gancert/version.hpp; informational, optional: files
//                   written before it existed verify unchanged; not part of the resume identity)}
// Lines    leaves  {"path": [[dim, "split", side], ...], "box": [["lo", "hi"], ...],
//                   "evidence": ..., "bits": ..., ...enclosures as outward decimal strings}
// Last     summary {"summary": {"status": ..., "counts": ..., "unknown_volume": ..., ...}}
// The file is append-only: it is also the checkpoint (a run without its summary line is
// unfinished and can be resumed; a torn last line is dropped on resume).
//
// Contract: readers treat the file as untrusted: a malformed header, an unsupported version or
// a malformed record throws arith::bad_input naming the file and line; a torn last line is
// dropped on resume, never read as data.
#pragma once
#include <cstdio>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "gancert/certify/atlas.hpp"
#include "gancert/certify/box.hpp"
#include "gancert/certify/box_function.hpp"
#include "gancert/certify/claim.hpp"

namespace gancert::certify {

inline constexpr const char* certificate_format = "gancert-certificate";
inline constexpr int certificate_version = 1;

nlohmann::json make_header(const BoxFunction& f, const std::vector<std::string>& names,
                           const Box& root, const Claim& claim, const nlohmann::json& settings);
/// Claim from a header's "claim" object (throws std::runtime_error if malformed).
Claim claim_from_json(const nlohmann::json& j);
nlohmann::json claim_to_json(const Claim& c);
/// Root box from a header's "box" object.
Box root_from_json(const nlohmann::json& j);

/// Leaf record: path + box + evidence fields.
nlohmann::json leaf_record(const Box& B, const nlohmann::json& evidence);
/// Box (with path) from a leaf record; throws std::runtime_error if malformed.
Box box_from_leaf(const nlohmann::json& leaf, std::size_t dims);

/// The leaf (its evidence record) refutes a claim of this kind: a stationary-line or unique
/// leaf for no-stationary, one typed "saddle" for no-saddle, a violates leaf for plateau.
bool leaf_refutes(ClaimKind kind, const nlohmann::json& leaf);

/// Aggregates leaves into the claim's overall status (the certifier and the verifier use the
/// same rules, so both compute the same summary). The summary does not depend on the order of
/// the leaves in the file (which depends on the thread count and on MPI): the witness and
/// first_unknown are the qualifying leaves with the smallest path (compare_paths), ties of
/// the extrema location boxes are broken by path, and unknown_volume is summed exactly
/// (decimal products of widths) and converted to double once.
///  * no-saddle is refuted by a `unique` leaf of type saddle; a `unique` leaf whose type is not
///    certified (anything but min/max/saddle, e.g. "undetermined") is not decisive and counts
///    as undecided, like `unknown`;
///  * no-stationary is refuted by any `unique` leaf;
///  * plateau is refuted by a `violates` leaf;
///  * atlas is never refuted: it is proved when every leaf is a classified region (atlas.hpp;
///    a stationary-line leaf is a region there), and the summary adds the region tally;
///  * otherwise any undecided leaf, a coverage gap (set_coverage_gap) or no leaf at all makes
///    the claim incomplete; otherwise it is proved.
/// Extrema: max J ∈ [max_l point_l, max_l J_l^max], min J likewise; inconsistency() reports an
/// empty assembled interval (a recorded lower bound above an upper bound). max_location /
/// min_location describe the leaf whose bound is the assembled lower bound of max J (upper
/// bound of min J; ties by path): vertex, isolated critical point on a face, or face.
class ClaimAccumulator {
public:
    ClaimAccumulator(Claim claim, Box root, std::vector<std::string> names = {});
    void add(const nlohmann::json& leaf, const Box& B);
    /// The leaves do not tile the root box (text from TilingChecker): never proved.
    void set_coverage_gap(std::string what) { gap_ = std::move(what); }
    std::string status() const;
    /// {"status", "counts", "leaves", "unknown_volume", "undecided", "witness"?, "extrema"?, ...}
    nlohmann::json summary() const;
    /// One line: "proved", "refuted: <the violated condition with its numbers>",
    /// "incomplete: unknown volume ...".
    std::string verdict() const;
    /// Error text if the assembled extrema intervals are empty (lo > hi), else nullopt.
    std::optional<std::string> inconsistency() const;
    /// Extrema: text if an assembled enclosure is wider than the claim allows (lemma K5'':
    /// width <= 2 max(delta·m, eps), m = min |J| over it, 0 if it contains 0), else nullopt.
    /// Such a run is `incomplete` (a claim edited to a smaller delta is no proof).
    std::optional<std::string> target_gap() const;
    std::size_t leaves() const { return leaves_; }
    double done_volume() const { return done_volume_; }

private:
    Claim claim_;
    Box root_;
    std::vector<std::string> names_;
    std::map<std::string, std::size_t> counts_;
    std::map<std::string, std::size_t> types_;
    std::size_t leaves_ = 0, undecided_ = 0;
    double done_volume_ = 0;            // progress display only
    Decimal unknown_volume_;             // exact sum of the undecided leaves' volumes (bounded root)
    double unknown_share_ = 0;           // unbounded root: sum of relative_volume (atan measure)
    std::optional<nlohmann::json> witness_;
    std::optional<nlohmann::json> first_unknown_;
    std::vector<PathStep> witness_path_, first_unknown_path_;
    double unknown_fraction() const;
    std::optional<std::string> gap_;
    std::optional<Decimal> max_lo_, max_hi_, min_lo_, min_hi_;
    struct Located {
        Decimal key;
        std::vector<PathStep> path;
        nlohmann::json box;
    };
    std::vector<Located> max_boxes_, min_boxes_;  // top few
    std::optional<Located> max_at_, min_at_;      // the leaf giving the lower (upper) bound; box = its location
    std::optional<AtlasTally> atlas_;
    std::string name(std::size_t i) const;
};

/// A certificate file re-read from disk and summarised from the leaves actually in it: the
/// exact tiling check of `verify` (box.hpp: TilingChecker) plus the claim tally. Evidence is
/// not re-checked here (that is verify's job); this is what `certify` prints and writes, on
/// every path (one process, threads, MPI merge, resume), so a lost leaf can never become a
/// proof. Throws arith::bad_input if the file is not a readable certificate.
struct Assembly {
    nlohmann::json header;
    std::optional<nlohmann::json> recorded_summary;  // the summary line, if any
    nlohmann::json summary;                          // recomputed from the leaves (no "stats")
    std::string status, verdict;
    std::size_t leaves = 0;
    std::optional<std::string> gap;                  // tiling failure, if any
    std::optional<std::string> inconsistency;        // empty assembled extrema, if any
};
Assembly assemble_certificate(const std::string& path);

/// The summary without its run statistics ("stats"), the part verify compares exactly.
nlohmann::json summary_without_stats(const nlohmann::json& summary);
/// Every field in which a recorded summary (minus "stats") differs from the recomputed one,
/// one message each ("summary.KEY recorded X, recomputed Y"); empty when they are equal.
std::vector<std::string> summary_differences(const nlohmann::json& recorded, const nlohmann::json& recomputed);

/// Exclusive advisory lock (flock) on a certificate path for the duration of a run, taken
/// before the file is read or truncated. A second holder fails at once: throws
/// std::runtime_error "... is being written by another gancert run" (exit 1).
class OutputLock {
public:
    explicit OutputLock(const std::string& path);
    ~OutputLock();
    OutputLock(const OutputLock&) = delete;
    OutputLock& operator=(const OutputLock&) = delete;
    /// After the checkpoint was replaced by a rename (api::OutputFile): takes the lock on the
    /// file now under the path (nothing to do if it is still the locked one). Throws as the
    /// constructor if another run locked the new file first.
    void relock();

private:
    std::string path_;
    int fd_ = -1;
};

/// Append-only writer, safe to call from several threads; every leaf is flushed to the OS.
class CertificateWriter {
public:
    /// Opens `path` for appending (truncating first unless `append`).
    CertificateWriter(const std::string& path, bool append);
    ~CertificateWriter();
    CertificateWriter(const CertificateWriter&) = delete;
    CertificateWriter& operator=(const CertificateWriter&) = delete;
    void write_line(const nlohmann::json& j);

private:
    std::FILE* file_;
    std::mutex mutex_;
    std::string path_;
};

/// Reads a certificate/checkpoint: header, leaves and optional summary. A torn last line (no
/// newline) is reported in `torn_tail_bytes`. Throws arith::bad_input naming the file when it
/// cannot be read or is not a gancert certificate of a supported version.
struct CertificateContents {
    nlohmann::json header;
    std::optional<nlohmann::json> summary;
    std::size_t valid_bytes = 0;  // bytes up to the last complete line
};
/// Reads the header, calls `on_header(json)` once, then `on_leaf(line_number, json)` for each
/// leaf line.
template <class F>
CertificateContents read_certificate(const std::string& path, F&& on_leaf);
template <class F, class H>
CertificateContents read_certificate(const std::string& path, F&& on_leaf, H&& on_header);

}  // namespace gancert::certify

#include "gancert/certify/certificate_read.hpp"
