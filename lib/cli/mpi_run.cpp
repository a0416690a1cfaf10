#include "mpi_run.hpp"

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <filesystem>
#include <string>
#include <vector>

#include "gancert/arith/decimal.hpp"
#include "gancert/certify/certificate.hpp"
#include "gancert/certify/witness_search.hpp"

#ifdef GANCERT_HAVE_MPI
#include <mpi.h>
#endif

namespace gancert::cli {

bool launched_by_mpirun() {
    const char* size = std::getenv("OMPI_COMM_WORLD_SIZE");
    return size && std::atoi(size) > 1;
}

#ifdef GANCERT_HAVE_MPI
namespace {

/// Rank 0's string on every rank.
std::string broadcast(std::string s, int rank) {
    unsigned long n = s.size();
    MPI_Bcast(&n, 1, MPI_UNSIGNED_LONG, 0, MPI_COMM_WORLD);
    if (rank != 0) s.assign(n, '\0');
    MPI_Bcast(s.data(), static_cast<int>(n), MPI_CHAR, 0, MPI_COMM_WORLD);
    return s;
}

struct MpiSession {
    MpiSession() { MPI_Init(nullptr, nullptr); }
    ~MpiSession() { MPI_Finalize(); }
};

/// The distributed run proper (see mpi_run.hpp). Errors on any rank become an exception on
/// rank 0 (after every rank has stopped), never a silently smaller certificate.
certify::CertifyResult run_ranks(const certify::BoxFunction& f, const certify::Box& root,
                                 const certify::Claim& claim, const certify::CertifyOptions& opt,
                                 const std::function<std::string()>& temporary_path) {
    using nlohmann::json;
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    auto t0 = MPI_Wtime();
    certify::CertifyOptions base = opt;
    base.out = broadcast(rank == 0 ? (opt.out.empty() ? temporary_path() : opt.out) : std::string(), rank);
    const std::string& out = base.out;

    // Rank 0 owns the certificate for the whole run: lock, then prepare the checkpoint.
    std::optional<certify::OutputLock> lock;
    std::string error;
    int finished = 0;
    unsigned long resumed = 0;  // leaves already in the checkpoint (rank 0)
    unsigned long witness_leaves = 0;  // leaves written by the witness-first search (rank 0; finished = 2)
    std::vector<certify::ReopenedBox> reopened;  // budget leaves re-opened (rank 0)
    std::string task_list;  // the boxes of this run with their precision (rank 0, JSON)
    long refuted_depth = std::numeric_limits<long>::max();  // of a refuting leaf in the checkpoint (max: none)
    if (rank == 0) {
        try {
            lock.emplace(out);
            json header = certify::make_header(f, f.names(), root, claim,
                                               certify::run_settings(opt));
            bool resume = opt.resume && std::filesystem::exists(out) && std::filesystem::file_size(out) > 0;
            if (resume) {
                json h;
                auto c = certify::read_certificate(out, [](std::size_t, const json&) {}, [&](const json& hd) { h = hd; });
                if (auto key = certify::header_difference(h, header))
                    throw arith::bad_input("--resume: checkpoint '" + out + "' was made with a different " + *key);
                reopened = certify::reopen_budget_leaves(out, root.dims());
                if (!reopened.empty())  // a budget-stopped run: redo those boxes
                    c = certify::read_certificate(out, [](std::size_t, const json&) {});
                if (c.summary) finished = 1;
                else certify::merge_parts(out, nullptr);  // an interrupted run's parts
                certify::read_certificate(out, [&](std::size_t, const json&) { ++resumed; });
            } else {
                certify::CertificateWriter w(out, false);
                w.write_line(header);
                certify::remove_parts(out);  // stale parts of an earlier run
            }
            if (!finished) {  // the same boxes as a one-process run (engine resume_tasks)
                certify::read_certificate(out, [&](std::size_t, const json& leaf) {
                    if (certify::leaf_refutes(claim.kind, leaf))
                        refuted_depth = std::min<long>(refuted_depth, static_cast<long>(leaf.at("path").size()));
                });
                json list = json::array();
                for (const auto& t : certify::resume_tasks(out, root, reopened,
                                                           std::max<std::size_t>(opt.initial_boxes, 8u * size)))
                    list.push_back({certify::leaf_record(t.box, json::object()), t.bits});
                task_list = list.dump();
                // witness first, as in a one-process run (certify/witness_search.hpp)
                if (auto w = certify::witness_completion(f, root, claim, opt, out)) {
                    certify::CertificateWriter writer(out, true);
                    for (const auto& rec : w->records) writer.write_line(rec);
                    witness_leaves = w->records.size();
                    finished = 2;
                }
            }
        } catch (const arith::bad_input& e) {
            error = std::string("2") + e.what();
        } catch (const std::exception& e) {
            error = std::string("1") + e.what();
        }
    }
    error = broadcast(error, rank);
    task_list = broadcast(task_list, rank);
    MPI_Bcast(&refuted_depth, 1, MPI_LONG, 0, MPI_COMM_WORLD);
    MPI_Bcast(&finished, 1, MPI_INT, 0, MPI_COMM_WORLD);
    auto raise = [&](const std::string& e) -> certify::CertifyResult {
        if (rank != 0) return {};
        if (e[0] == '2') throw arith::bad_input(e.substr(1));
        throw std::runtime_error(e.substr(1));
    };
    if (!error.empty()) return raise(error);
    if (finished == 2) {  // refuted by the witness-first search on rank 0
        if (rank != 0) return {};
        json stats = {{"seconds", MPI_Wtime() - t0}, {"ranks", size}, {"leaves_this_run", witness_leaves},
                      {"resumed_leaves", resumed}};
        return certify::finish_certificate(out, MPI_Wtime() - t0, stats);
    }
    if (finished) {
        if (rank != 0) return {};
        certify::Assembly a = certify::assemble_certificate(out);
        return {a.summary, a.verdict, 0};
    }

    // Every rank: the same pending boxes (deterministic), its share by index.
    unsigned long my_leaves = 0;
    int failed = 0;
    std::string my_error;
    // The level barrier of the level-by-level run (same leaves as one process): refuted
    // somewhere, work left somewhere, a rank failed. A failing rank takes part in one more
    // barrier (unless the loop was over) so that the others stop at theirs.
    bool loop_over = false;
    auto level_barrier = [&loop_over](std::size_t refuted, std::size_t depth, int fail) {
        constexpr std::size_t none = static_cast<std::size_t>(-1);
        constexpr long big = std::numeric_limits<long>::max();  // "none", as a signed value
        auto enc = [](std::size_t v) { return v == none ? big : static_cast<long>(v); };
        long in[3] = {enc(refuted), enc(depth), fail ? 0L : 1L}, all[3] = {0, 0, 0};
        MPI_Allreduce(in, all, 3, MPI_LONG, MPI_MIN, MPI_COMM_WORLD);
        auto dec = [](long v) { return v == big ? none : static_cast<std::size_t>(v); };
        std::pair<std::size_t, std::size_t> r{dec(all[0]), all[2] == 0 ? none : dec(all[1])};  // a failure: stop
        if (r.second == none || (r.first != none && r.second > r.first)) loop_over = true;
        return r;
    };
    try {
        json pending = json::parse(task_list);
        std::vector<certify::Box> share;
        std::vector<unsigned> bits;
        for (std::size_t i = static_cast<std::size_t>(rank); i < pending.size(); i += static_cast<std::size_t>(size)) {
            share.push_back(certify::box_from_leaf(pending[i][0], root.dims()));
            bits.push_back(pending[i][1].get<unsigned>());
        }
        certify::CertifyOptions mine = base;
        mine.out = certify::part_path(out, static_cast<unsigned>(rank));
        mine.progress = opt.progress && rank == 0;
        mine.resume = false;
        mine.tasks = std::move(share);
        mine.task_bits = std::move(bits);
        mine.level_barrier = [&](std::size_t refuted, std::size_t depth) { return level_barrier(refuted, depth, 0); };
        if (refuted_depth != std::numeric_limits<long>::max()) mine.refuted_depth = static_cast<std::size_t>(refuted_depth);
        auto part = certify::certify(f, root, claim, mine);
        my_leaves = part.summary.value("leaves", 0ul);
    } catch (const std::exception& e) {
        failed = 1;
        my_error = "rank " + std::to_string(rank) + ": " + e.what();
        if (!loop_over) level_barrier(static_cast<std::size_t>(-1), static_cast<std::size_t>(-1), 1);
    }
    int any_failed = 0;
    MPI_Allreduce(&failed, &any_failed, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    std::vector<unsigned long> counts(static_cast<std::size_t>(size));
    MPI_Gather(&my_leaves, 1, MPI_UNSIGNED_LONG, counts.data(), 1, MPI_UNSIGNED_LONG, 0, MPI_COMM_WORLD);
    // the first failing rank's message reaches rank 0
    int first = failed ? rank : size, first_failed = size;
    MPI_Allreduce(&first, &first_failed, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    std::string msg;
    if (any_failed) {
        if (first_failed != 0) {
            if (rank == first_failed) {
                unsigned long n = my_error.size();
                MPI_Send(&n, 1, MPI_UNSIGNED_LONG, 0, 7, MPI_COMM_WORLD);
                MPI_Send(my_error.data(), static_cast<int>(n), MPI_CHAR, 0, 8, MPI_COMM_WORLD);
            }
            if (rank == 0) {
                unsigned long n = 0;
                MPI_Recv(&n, 1, MPI_UNSIGNED_LONG, first_failed, 7, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
                msg.assign(n, '\0');
                MPI_Recv(msg.data(), static_cast<int>(n), MPI_CHAR, first_failed, 8, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            }
        } else {
            msg = my_error;
        }
    }
    if (rank != 0) return {};
    if (any_failed)
        throw std::runtime_error(msg + " (the finished leaves are kept in the part files; rerun with --resume)");
    std::vector<std::size_t> expected(counts.begin(), counts.end());
    certify::merge_parts(out, &expected);
    unsigned long computed = 0;
    for (auto n : counts) computed += n;
    json stats = {{"seconds", MPI_Wtime() - t0}, {"ranks", size}, {"leaves_this_run", computed},
                  {"resumed_leaves", resumed}};
    return certify::finish_certificate(out, MPI_Wtime() - t0, stats);
}

}  // namespace
#endif

certify::CertifyResult run_distributed(const certify::BoxFunction& f, const certify::Box& root,
                                       const certify::Claim& claim, const certify::CertifyOptions& opt,
                                       const std::function<std::string()>& temporary_path) {
#ifdef GANCERT_HAVE_MPI
    if (launched_by_mpirun()) {
        MpiSession session;
        return run_ranks(f, root, claim, opt, temporary_path);
    }
#endif
    certify::CertifyOptions o = opt;
    if (o.out.empty()) o.out = temporary_path();
    return certify::certify(f, root, claim, o);
}

}  // namespace gancert::cli
