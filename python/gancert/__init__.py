"""gancert — certified numerics for the R/S/E/E least-squares GAN.

Every enclosure contains the exact value (interval arithmetic with proven bounds,
proofs/lemmas.md); approximations are labelled as such. The model: J = J1 + J2 with
D(t) = (1 + erf t)/2, J1 = E[D(aX + b)^2] (X ~ Exp(c)), J2 = E[(1 - D(a(gU + h) + b))^2]
(U ~ Exp(1)); the 17 quantities are ``quantity_names`` (J1, J2, J, g_a..g_h, H_aa..H_hh).

numpy-first API
    evaluate(a, b, g, h, c, exact=False, digits=17)
        vectorised enclosures over arrays of float64 parameters (numpy broadcasting; the
        EXACT binary value of each double is the point). Returns an Enclosures object:
        .lo, .hi (float64, rounded outward), .mid, arrays of shape broadcast_shape + (17,);
        e["J"] -> Bounds(lo, hi, mid) of shape broadcast_shape; .exact (with exact=True) the
        decimal strings {name: array of (lo, hi)} at `digits` digits.
    compare(reference, candidate, rtol=None, atol=None, subset=False)
        `gancert compare` on two CSV files -> Comparison (.passed, .table: per-quantity
        correct digits, .failures); default rtol 2^-51 fits float64 code (docs/python.md).
    certify(case, box, claim, ...) -> Certificate (.status, .leaves, .verdict, .path,
        .verify(), .plot()).
    certified_trajectory(case, dims, steps, step_size, bits) -> list of iterates whose
        entries are (lo, hi) float pairs enclosing the exact gradient-play iterate.
    trajectory(case, dims, steps, step_size) -> double gradient-play iterates (approximate).
    eval(a, b, g, h, c, digits, arith) / reference(a, b, g, h, c, digits, quantities)
        one point given as exact decimals (str, int, or a float meaning its shortest repr),
        results as dicts of decimal strings (the structure of `gancert eval --json`).
models of the family (docs/model-family.md): model="data=... latent=... gen=... disc=... cost=..."
    with the players' parameters by name (a, b, g, h; l, r, g, h for disc=indicator; no c) in
    eval, reference, evaluate (numpy arrays), compare, trajectory, certified_trajectory.
    exact_decimal(x) -> the exact decimal text of a double.
gancert.testing
    assert_correct_digits(fn, points, digits=..., atol=...) for pytest.

Errors: bad input raises ValueError (or TypeError for a wrong type) naming the Python
argument; nothing crashes the interpreter.
"""
from collections import namedtuple as _namedtuple

import numpy as _np

from . import _gancert
from ._gancert import __version__, exact_decimal, quantity_names

__all__ = ["__version__", "quantity_names", "player_names", "evaluate", "Enclosures", "Bounds", "compare", "Comparison",
           "certify", "Certificate", "certified_trajectory", "trajectory", "eval", "reference",
           "exact_decimal", "testing"]

Bounds = _namedtuple("Bounds", "lo hi mid")
Bounds.__doc__ = "Enclosure arrays of one quantity: lo <= exact <= hi (float64, outward); mid inside."

_PARAMS = ("a", "b", "g", "h", "c")


def _float_array(x, name):
    """x as a float64 array; TypeError naming `name` for non-numeric input."""
    if isinstance(x, (str, bytes)):
        raise TypeError("%s: expected a number or an array of numbers, got %r (use gancert.eval for decimal "
                        "strings)" % (name, x))
    try:
        arr = _np.asarray(x, dtype=_np.float64)
    except (TypeError, ValueError) as e:
        raise TypeError("%s: expected a number or an array of numbers (%s)" % (name, e)) from None
    bad = ~_np.isfinite(arr)
    if bad.any():
        raise ValueError("%s: %r is not finite" % (name, arr[bad].flat[0]))
    return arr


class Enclosures:
    """Enclosures of the 17 quantities at every point of a broadcast parameter grid.

    lo, hi: float64 arrays shape + (17,), lo <= exact value <= hi (rounded outward);
    mid: a float64 inside [lo, hi] (nearest the midpoint; not rigorous);
    fallback: bool array of shape, True where the MPFR path was needed;
    exact: None, or {name: object array of (lo, hi) decimal strings} (evaluate(exact=True)).
    e[name] -> Bounds(lo, hi, mid) for one quantity name.
    """

    def __init__(self, lo, hi, mid, fallback, exact=None):
        self.lo, self.hi, self.mid, self.fallback, self.exact = lo, hi, mid, fallback, exact

    @property
    def shape(self):
        return self.fallback.shape

    def __getitem__(self, name):
        try:
            q = quantity_names.index(name)
        except ValueError:
            raise KeyError("%r is not a quantity name (one of %s)" % (name, ", ".join(quantity_names))) from None
        return Bounds(self.lo[..., q], self.hi[..., q], self.mid[..., q])

    def __repr__(self):
        return "Enclosures(shape=%s, quantities=%d)" % (self.shape, len(quantity_names))


def player_names(model):
    """The players' parameter names of a model of the family, in player order (the
    discriminator's two, which ascend J, then the generator's g, h, which descend it)."""
    return list(_gancert.player_names(str(model)))


def _players(model, given):
    """{name: value} of the given (non-None) players of `model`; ValueError naming an unknown
    or missing one (c is a fixed parameter of a model's data law, not a player)."""
    names = player_names(model)
    chosen = {n: v for n, v in given.items() if v is not None}
    for n in chosen:
        if n not in names:
            raise ValueError("%s: not a parameter of the players of the model %r (its players: %s; fixed "
                             "parameters belong in the model spec)" % (n, _gancert.canonical_model(str(model)),
                                                                       ", ".join(names)))
    for n in names:
        if n not in chosen:
            raise ValueError("%s: required by the model %r (its players: %s)" %
                             (n, _gancert.canonical_model(str(model)), ", ".join(names)))
    return names, chosen


def _evaluate_model(model, given, digits):
    names, chosen = _players(model, given)
    arrays = [_float_array(chosen[n], n) for n in names]
    try:
        arrays = _np.broadcast_arrays(*arrays)
    except ValueError as e:
        raise ValueError("%s: shapes do not broadcast (%s)" % (", ".join(names), e)) from None
    shape = arrays[0].shape
    points = _np.stack([x.reshape(-1) for x in arrays], axis=1)
    lo, hi, mid = _gancert.evaluate_batch_model(str(model), points, int(digits))
    q = len(quantity_names)
    return Enclosures(lo.reshape(shape + (q,)), hi.reshape(shape + (q,)), mid.reshape(shape + (q,)),
                      _np.ones(shape, dtype=bool))


def eval(a=None, b=None, g=None, h=None, c=None, digits=30, arith="interval", model=None, l=None, r=None):  # noqa: A001
    """J1, J2, J, grad, hess at one point of exact decimals (str, int, or a float meaning its
    shortest repr): the structure of `gancert eval --json` as a dict. Without model: the
    paper's R/S/E/E (a, b, g, h, c). With model=SPEC (a model of the family): its players'
    parameters by name (a, b, g, h; l, r, g, h for disc=indicator). arith: interval (each
    quantity {'lo','hi','lo_float','hi_float'}, an enclosure), mpfr or double (approximations)."""
    if model is None:
        if l is not None or r is not None:
            raise ValueError("%s: needs model= with disc=indicator" % ("l" if l is not None else "r"))
        return _gancert.eval(a, b, g, h, c, digits=digits, arith=arith)
    _, chosen = _players(model, dict(a=a, b=b, g=g, h=h, c=c, l=l, r=r))
    return _gancert.eval_model(str(model), chosen, digits=digits, arith=arith)


def reference(a=None, b=None, g=None, h=None, c=None, digits=30, quantities="all", model=None, l=None, r=None):
    """Certified reference values at one point: {name: {'mid','lo','hi','lo_float','hi_float',
    'correctly_rounded'}}; mid has `digits` significant digits (correctly rounded when flagged).
    model=SPEC: a model of the family, its players by name (as eval)."""
    if model is None:
        if l is not None or r is not None:
            raise ValueError("%s: needs model= with disc=indicator" % ("l" if l is not None else "r"))
        return _gancert.reference(a, b, g, h, c, digits=digits, quantities=quantities)
    _, chosen = _players(model, dict(a=a, b=b, g=g, h=h, c=c, l=l, r=r))
    return _gancert.reference_model(str(model), chosen, digits=digits, quantities=quantities)


def evaluate(a=None, b=None, g=None, h=None, c=None, exact=False, digits=17, rel_width=2.0 ** -40, model=None,
             l=None, r=None):
    """Certified enclosures of J1, J2, J, grad, Hessian over arrays of float64 parameters.

    a, b, g, h, c: numbers or array-likes (numpy arrays, numpy scalars, lists; JAX/torch CPU
    arrays via np.asarray), broadcast together. The point is the exact binary value of each
    double. Returns Enclosures (see its doc). exact=True adds the decimal strings of
    enclosures at `digits` significant digits (slower: one MPFR evaluation per point).
    rel_width: the fast double-interval path is accepted where every quantity is enclosed to
    this relative width; elsewhere (and where a sign is unresolved) the MPFR path encloses to
    17 digits (rel_width <= 1e-17 forces MPFR everywhere).
    ValueError for points outside the domain (c <= 0, g < 0, non-finite), naming the argument.
    model=SPEC (a model of the family): the players' arrays by name (a, b, g, h; l, r, g, h),
    each point enclosed by the family's certified MPFR evaluation to `digits` digits (no double
    fast path; fallback is all True; exact= is not available). Where the family evaluation
    cannot reach `digits` digits its valid, wider enclosure is returned.
    """
    if model is not None:
        if exact:
            raise ValueError("exact: not available with model= (use gancert.reference(model=...) per point)")
        if isinstance(digits, bool) or not isinstance(digits, (int, _np.integer)):
            raise TypeError("digits: expected an int")
        return _evaluate_model(model, dict(a=a, b=b, g=g, h=h, c=c, l=l, r=r), digits)
    if l is not None or r is not None:
        raise ValueError("%s: needs model= with disc=indicator" % ("l" if l is not None else "r"))
    arrays = [_float_array(x, n) for x, n in zip((a, b, g, h, c), _PARAMS)]
    try:
        arrays = _np.broadcast_arrays(*arrays)
    except ValueError as e:
        raise ValueError("a, b, g, h, c: shapes do not broadcast (%s)" % e) from None
    shape = arrays[0].shape
    points = _np.stack([x.reshape(-1) for x in arrays], axis=1)
    if isinstance(digits, bool) or not isinstance(digits, (int, _np.integer)):
        raise TypeError("digits: expected an int")
    if not (isinstance(rel_width, (int, float, _np.integer, _np.floating)) and rel_width > 0):
        raise ValueError("rel_width: expected a number > 0, got %r" % (rel_width,))
    lo, hi, mid, fb = _gancert.evaluate_batch(points, float(rel_width), 17)
    q = len(quantity_names)
    out = Enclosures(lo.reshape(shape + (q,)), hi.reshape(shape + (q,)), mid.reshape(shape + (q,)),
                     fb.reshape(shape))
    if exact:
        table = {n: _np.empty(len(points), dtype=object) for n in quantity_names}
        for i, p in enumerate(points):
            r = _gancert.reference(*(exact_decimal(float(v)) for v in p), digits=int(digits))
            for n in quantity_names:
                table[n][i] = (r[n]["lo"], r[n]["hi"])
        out.exact = {n: v.reshape(shape) for n, v in table.items()}
    return out


class Comparison:
    """Result of compare(): .passed, .points, .table (one dict per quantity: quantity, values,
    min_digits, median_digits, failures, rounded, worst), .failures, .warnings."""

    def __init__(self, d):
        self.passed, self.points = d["passed"], d["points"]
        self.table, self.failures, self.warnings = d["summaries"], d["failures"], d["warnings"]

    def digits(self):
        """{quantity: min correct digits}."""
        return {r["quantity"]: r["min_digits"] for r in self.table}

    def __str__(self):
        lines = ["%-6s %6s %10s %10s %8s %7s" % ("quant", "values", "min digits", "median", "failures", "rounded")]
        for r in self.table:
            lines.append("%-6s %6d %10.1f %10.1f %8d %7d" % (r["quantity"], r["values"], r["min_digits"],
                                                            r["median_digits"], r["failures"], r["rounded"]))
        lines.append("PASS" if self.passed else "FAIL: %d values" % len(self.failures))
        return "\n".join(lines)

    __repr__ = __str__


def compare(reference=None, candidate=None, rtol=None, atol=None, subset=False, model=None, digits=20):
    """Compares a candidate CSV (columns a,b,g,h,c + quantity columns) with a reference CSV
    written by `gancert reference`, as `gancert compare` does: a value passes if the exact
    value provably rounds to it at its printed precision or it lies within
    rtol*max(|lo|,|hi|) + atol of the enclosure (default rtol 2^-51, atol 0).
    rtol/atol: decimal strings or numbers (a float means its shortest repr). Returns Comparison.
    model=SPEC (a model of the family): the point columns are its players' names; reference is
    then optional (None: the enclosures are computed at the candidate's points to `digits`)."""
    if candidate is None:
        raise ValueError("candidate: required (a CSV file)")
    if model is None:
        if reference is None:
            raise ValueError("reference: required (or model=)")
        return Comparison(_gancert.compare(str(reference), str(candidate), rtol, atol, None, bool(subset)))
    return Comparison(_gancert.compare("" if reference is None else str(reference), str(candidate), rtol, atol, None,
                                       bool(subset), model=str(model), digits=int(digits)))


class Certificate:
    """A certifier run: .status, .leaves, .verdict and .path (the JSON-Lines certificate, None
    if it was not kept); .verify() re-checks the file independently; .plot(out) draws it."""

    def __init__(self, d):
        self.status, self.leaves, self.verdict, self.path = d["status"], d["leaves"], d["verdict"], d["path"]

    def __getitem__(self, key):  # the dict form of earlier versions: c["status"]
        return getattr(self, key)

    def verify(self, threads=2):
        """Independent re-check ({'exit_code','status','verdict','leaves','failures'})."""
        if self.path is None:
            raise ValueError("path: the certificate was not kept (pass out= to certify)")
        return _gancert.verify(self.path, threads)

    def plot(self, out):
        """Draws the certificate's leaves with `gancert atlas`-style colours into `out` (PNG/PDF)
        using matplotlib; returns out."""
        import json

        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        if self.path is None:
            raise ValueError("path: the certificate was not kept (pass out= to certify)")
        colours = {"proved": "tab:green", "refuted": "tab:red", "unknown": "tab:gray"}
        fig, ax = plt.subplots(figsize=(5, 5))
        with open(self.path) as f:
            header = json.loads(f.readline())
            names = header["box"]["names"]
            for line in f:
                leaf = json.loads(line)
                if "box" not in leaf or len(leaf["box"]) < 2:
                    continue
                (x0, x1), (y0, y1) = [(float(lo), float(hi)) for lo, hi in leaf["box"][:2]]
                status = str(leaf.get("status", leaf.get("verdict", "unknown")))
                ax.add_patch(plt.Rectangle((x0, y0), x1 - x0, y1 - y0, fill=True, lw=0.2, ec="k",
                                           fc=colours.get(status, "tab:blue"), alpha=0.6))
        ax.autoscale()
        ax.set_xlabel(names[0])
        ax.set_ylabel(names[1] if len(names) > 1 else "")
        ax.set_title(self.verdict[:60])
        fig.savefig(out)
        plt.close(fig)
        return out

    def __repr__(self):
        return "Certificate(status=%r, leaves=%d, path=%r)" % (self.status, self.leaves, self.path)


def certify(case="A", box="b=-6:6,h=-6:6", claim="no-saddle", params="", threads=2, out=None, model="rsee",
            eps=None, delta=None, level=None, time_limit=0):
    """Runs the certifier in process (as `gancert certify --case CASE --box BOX --claim CLAIM
    [--params ..] [--eps ..] [--delta ..] [--level ..]`); returns a Certificate. With out=PATH
    the certificate file is kept there (needed for .verify() and .plot()).
    case: "A"/"B" (the paper's fixed parameters) or "" with params="a=..,b=..,g=..,h=..,c=..";
    claim: no-saddle, no-stationary, plateau, extrema, atlas (eps/delta/level: their tolerances,
    exact decimals as str, or numbers meaning their shortest repr); model: the model name;
    time_limit: seconds (0: none), as `gancert certify --time-limit` (a run stopped by it is "incomplete")."""
    if isinstance(threads, bool) or not isinstance(threads, (int, _np.integer)) or threads < 1:
        raise ValueError("threads: expected an int >= 1, got %r" % (threads,))
    return Certificate(_gancert.certify(case=case, box=box, claim=claim, params=params, threads=int(threads),
                                        out="" if out is None else str(out), model=model, eps=eps, delta=delta,
                                        level=level, time_limit=float(time_limit)))


def certified_trajectory(case="A", dims=2, steps=20, step_size="0.4", bits=128, model=None, a=None, b=None, g=None,
                         h=None, l=None, r=None):
    """Certified gradient play: a list of iterates {'k','a','b','g','h','J1','J2','J','gnorm'},
    each entry a (lo, hi) float pair rounded outward that encloses the exact iterate.
    model=SPEC: a model of the family started at its players' exact decimals by name (keys of
    the iterates: the players' names); keep steps small (two family evaluations per step)."""
    if model is None:
        return _gancert.certified_trajectory(case=case, dims=dims, steps=steps, step_size=step_size, bits=bits)
    _, chosen = _players(model, dict(a=a, b=b, g=g, h=h, l=l, r=r))
    return _gancert.certified_trajectory_model(str(model), chosen, dims=dims, steps=steps, step_size=step_size,
                                               bits=bits)


def trajectory(case="A", dims=2, steps=250, step_size="0.4", model=None, a=None, b=None, g=None, h=None, l=None,
               r=None):
    """Double gradient play (as `gancert trajectory --csv`): a list of {'k','a','b','g','h','J1',
    'J2','J','gnorm'} floats (approximations, not enclosures). Without model: the paper's case.
    model=SPEC: a model of the family started at its players' exact decimals by name."""
    if model is None:
        return _gancert.trajectory(case=case, dims=dims, steps=steps, step_size=step_size)
    _, chosen = _players(model, dict(a=a, b=b, g=g, h=h, l=l, r=r))
    return _gancert.trajectory_model(str(model), chosen, dims=dims, steps=steps, step_size=step_size)


from . import testing  # noqa: E402  (uses evaluate)
