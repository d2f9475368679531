"""``drechtlens classify``, ``train``, ``profile`` and ``codings import|export``."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

import click

from models.labels import Labels, Prediction


def store_exists(target: str) -> bool:
    """A SQLite file that exists, or a database URL (see corpus.store.store_exists)."""
    from corpus.store import store_exists as exists
    return exists(target)


FORMATS = click.Choice(["json", "csv"])


def _fail(msg: str) -> click.ClickException:
    return click.ClickException(msg)


def _model(model_path: str | None, seed_only: bool) -> tuple[Any, dict[str, Any]]:
    """The model to use and a description of it for the output."""
    from models.classify import BlendedModel
    from models.codebook import load_codebook
    from models.nlp import load_nlp
    from models.training import TrainingError, latest_artifact, load_model

    info: dict[str, Any] = {"codebook_version": load_codebook().version_id,
                            "capabilities": load_nlp()[1].to_dict()}
    if seed_only or (model_path is None and latest_artifact() is None):
        info |= {"producer": "seed", "artifact": None}
        return BlendedModel(), info
    try:
        trained = load_model(model_path)
    except TrainingError as err:
        raise _fail(str(err)) from None
    info |= {"producer": trained.model.producer, "artifact": str(trained.path),
             "trained_codebook_version": trained.metadata.get("codebook_version"),
             "blend_weights_learned": trained.model.weights}
    if trained.metadata.get("warning"):
        click.echo(f"Waarschuwing: {trained.metadata['warning']}", err=True)
    return trained.model, info


def _document(ctx: click.Context, target: str) -> Any:
    """A file path → parsed Document; otherwise a document id (or prefix) in the store."""
    if Path(target).exists():
        import extract
        from extract.errors import ExtractError

        try:
            return extract.parse(target)
        except ExtractError as err:
            raise _fail(str(err)) from None
    from corpus.store import StoreError, open_store

    db = ctx.obj["db"]
    if not store_exists(db):
        raise _fail(f"{target!r} is geen bestand, en de corpusdatabase {db} bestaat niet.")
    with open_store(db) as store:
        try:
            return store.get_document(target)
        except StoreError as err:
            raise _fail(f"{target!r} is geen bestand en geen document in het corpus ({err})") from None


def _flat(pred: Prediction) -> dict[str, Any]:
    d = pred.to_dict()
    row: dict[str, Any] = {"domeinen": ";".join(d["domains"])}
    for f, pole in d["tensions"].items():
        row[f"spanning:{f}"] = pole
    for k, v in d["probabilities"]["domains"].items():
        row[f"p:{k}"] = v
    for k, v in d["probabilities"]["tensions"].items():
        row[f"p:{k}"] = v
    row["uitleg"] = "; ".join(f"{k}: " + ", ".join(t for t, _ in v[:3]) for k, v in d["explanation"].items()
                              if "=" not in k and (k in d["domains"] or k in d["tensions"]))
    return row


def _csv(rows: list[dict[str, Any]], columns: list[str] | None = None) -> str:
    cols = columns or list(dict.fromkeys(k for r in rows for k in r))
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


@click.command()
@click.argument("target", required=False, metavar="BESTAND|DOC")
@click.option("--jsonl", "jsonl", type=click.Path(dir_okay=False, allow_dash=True), default=None,
              help='JSONL met per regel {"id", "text"}; "-" leest van stdin. Uitvoer: één regel per invoerregel.')
@click.option("--format", "fmt", type=FORMATS, default="json", show_default=True)
@click.option("--model", "model_path", type=click.Path(), default=None,
              help="Modelmap van 'drechtlens train' (standaard het nieuwste model, anders het seed-model).")
@click.option("--seed-only", is_flag=True, help="Alleen het lexicon (seed-model), ook als er een getraind model is.")
@click.pass_context
def classify(ctx: click.Context, target: str | None, jsonl: str | None, fmt: str, model_path: str | None,
             seed_only: bool) -> None:
    """Classificeer elke passage naar domein en spanningsveld (met pool, kansen en verklarende termen).

    \b
    Voorbeelden:
      drechtlens classify coalitieakkoord.pdf --format csv
      drechtlens classify 3f2a9c1b7d0e            (document-id uit het corpus)
      drechtlens classify --jsonl passages.jsonl > labels.jsonl
    """
    if bool(target) == bool(jsonl):
        raise click.UsageError("Geef óf een BESTAND/DOC óf --jsonl BESTAND.")
    model, info = _model(model_path, seed_only)
    if jsonl:
        fh = sys.stdin if jsonl == "-" else None
        try:
            lines = (fh.read() if fh else Path(jsonl).read_text(encoding="utf-8")).splitlines()
        except (OSError, UnicodeDecodeError) as err:
            raise _fail(f"{jsonl}: kan het bestand niet lezen ({err})") from None
        items = []
        for i, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as err:
                raise _fail(f"regel {i}: geen geldige JSON ({err.msg})") from None
            if not isinstance(d, dict) or not isinstance(d.get("text"), str):
                raise _fail(f'regel {i}: verwacht een object met "id" en "text"')
            items.append(d)
        preds = model.predict([d["text"] for d in items])
        for d, pred in zip(items, preds, strict=True):
            out = {"id": d.get("id")} | pred.to_dict() | {"codebook_version": info["codebook_version"],
                                                          "pipeline": info["capabilities"]["pipeline"]}
            click.echo(json.dumps(out, ensure_ascii=False))
        return
    doc = _document(ctx, target)
    passages = [p for p in doc.passages if p.text.strip()]
    preds = model.predict([p.text for p in passages])
    if fmt == "json":
        out = {"document": {"id": doc.id, "title": doc.title, "kind": doc.kind, "body": doc.body, "year": doc.year},
               "model": info,
               "passages": [{"id": p.id, "location": p.location, "pages": p.pages, "text": p.text} | pred.to_dict()
                            for p, pred in zip(passages, preds, strict=True)]}
        click.echo(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        rows = [{"passage_id": p.id, "locatie": p.location, "pagina": p.pages} | _flat(pred)
                for p, pred in zip(passages, preds, strict=True)]
        click.echo(_csv(rows), nl=False)


@click.command()
@click.option("--from-store", is_flag=True, help="Train op de coderingen in het corpus.")
@click.option("--codings", "codings_files", multiple=True, type=click.Path(dir_okay=False),
              help="JSONL (eigen of Prodigy-formaat) of CSV met coderingen; mag vaker.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None,
              help="Map voor het model (standaard $DRECHTLENS_DATA/trained of models/trained).")
@click.option("--folds", default=5, show_default=True, help="Aantal folds voor de kruisvalidatie.")
@click.option("--no-cv", is_flag=True, help="Sla kruisvalidatie en leercurve over (sneller).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def train(ctx: click.Context, from_store: bool, codings_files: tuple[str, ...], out_dir: str | None, folds: int,
          no_cv: bool, fmt: str) -> None:
    """Train het domein/spanningsveld-model op coderingen van onderzoekers en bewaar het.

    \b
    Voorbeelden:
      drechtlens train --from-store
      drechtlens train --codings coderingen.jsonl --codings prodigy-export.jsonl
    """
    from models.interchange import InterchangeError, read_codings
    from models.training import TrainingError, save
    from models.training import train as train_model

    if not from_store and not codings_files:
        raise click.UsageError("Geef --from-store en/of --codings BESTAND.")
    codings = []
    for f in codings_files:
        try:
            codings += read_codings(f)
        except InterchangeError as err:
            raise _fail(str(err)) from None
    if from_store:
        from corpus.coding import store_codings
        from corpus.store import open_store

        if not store_exists(ctx.obj["db"]):
            raise _fail(f"corpusdatabase {ctx.obj['db']} bestaat niet")
        with open_store(ctx.obj["db"]) as store:
            codings += store_codings(store)
    try:
        trained = train_model(codings, folds=folds, validate=not no_cv)
        path = save(trained, Path(out_dir) if out_dir else None)
    except TrainingError as err:
        raise _fail(str(err)) from None
    meta = trained.metadata
    if fmt == "json":
        click.echo(json.dumps({"path": str(path)} | meta, ensure_ascii=False, indent=1, default=str))
        return
    click.echo(f"Model bewaard in {path}")
    click.echo(f"{meta['n_passages']} passages ({meta['n_unresolved']} onopgeloste meningsverschillen niet gebruikt), "
               f"codeboek {meta['codebook_version']}, mengconstante k={meta['blend_k']}")
    cv = meta.get("cv")
    if cv:
        split = (f"gegroepeerd per brondocument, {cv['n_groups']} documenten" if cv.get("grouped")
                 else "niet gegroepeerd: brondocumenten onbekend")
        click.echo(f"Kruisvalidatie ({cv['folds']} folds, {split}), macro-F1 domeinen / spanningsvelden:")
        click.echo(f"  seed-lexicon   {cv['seed']['macro_f1_domains']} / {cv['seed']['macro_f1_tensions']}")
        click.echo(f"  getraind       {cv['learned']['macro_f1_domains']} / {cv['learned']['macro_f1_tensions']}")
        for k, ev in cv["blend"].items():
            click.echo(f"  mengsel k={k:<6} {ev['macro_f1_domains']} / {ev['macro_f1_tensions']}")
        k = cv["chosen_k"]
        chosen = cv.get("chosen") or (cv["blend"][str(k)] if k else cv["learned"])
        click.echo(f"Gekozen model (k={k}, spanning-k={cv.get('chosen_tension_k', k)}, "
                   f"pool-k={cv.get('chosen_pole_k', k)}) per label, tegenover het seed-lexicon:")
        for group in ("domains", "tensions"):
            for label, m in chosen[group].items():
                seed_f1 = cv["seed"][group][label]["f1"]
                pole = chosen["poles"].get(label)
                pole_txt = f"  pool-F1={pole['macro_f1']:.2f} pool-acc={pole['accuracy']:.2f}" if pole else ""
                click.echo(f"  {label:30} P={m['precision']:.2f} R={m['recall']:.2f} F1={m['f1']:.2f} "
                           f"(seed {seed_f1:.2f}, n={m['support']}){pole_txt}")
        for size, c in cv["learning_curve"].items():
            click.echo(f"  leercurve n={size}: getraind {c['learned_domains']}, mengsel {c['blend_domains']}")


@click.command()
@click.argument("target", required=False, metavar="BESTAND|DOC")
@click.option("--gemeente", default=None, help="Alle documenten van deze gemeente/dit orgaan in het corpus.")
@click.option("--per", "per", type=click.Choice(["document", "gemeente", "jaar"]), default="document",
              show_default=True, help="Groepering van de profielen.")
@click.option("--bron", type=click.Choice(["model", "codering"]), default="model", show_default=True,
              help="Labels van het model of de (beslechte) coderingen van onderzoekers.")
@click.option("--format", "fmt", type=FORMATS, default="json", show_default=True)
@click.option("--seed-only", is_flag=True, help="Model-labels van het seed-lexicon.")
@click.pass_context
def profile(ctx: click.Context, target: str | None, gemeente: str | None, per: str, bron: str, fmt: str,
            seed_only: bool) -> None:
    """Posities: aandeel passages per domein en balans (A−B)/(A+B) per spanningsveld, met 95%-interval.

    \b
    Voorbeelden:
      drechtlens profile coalitieakkoord-dordrecht.pdf
      drechtlens profile --gemeente Dordrecht --per jaar --format csv
    """
    from models.agreement import resolve
    from models.positions import ProfileItem, profile_rows
    from models.positions import profile as make_profile

    if bool(target) == bool(gemeente):
        raise click.UsageError("Geef óf een BESTAND/DOC óf --gemeente NAAM.")
    model, info = _model(None, seed_only)
    docs = []
    if target:
        docs = [_document(ctx, target)]
    else:
        from corpus.store import open_store

        if not store_exists(ctx.obj["db"]):
            raise _fail(f"corpusdatabase {ctx.obj['db']} bestaat niet")
        with open_store(ctx.obj["db"]) as store:
            docs = [store.get_document(s.id) for s in store.documents(body=gemeente, latest_only=True)]
        if not docs:
            raise _fail(f"geen documenten van {gemeente!r} in het corpus")
    items = []
    for doc in docs:
        group = {"document": doc.title or doc.id, "gemeente": doc.body or "onbekend",
                 "jaar": str(doc.year or "onbekend")}[per]
        passages = [p for p in doc.passages if p.text.strip()]
        if bron == "codering":
            from corpus.coding import store_codings
            from corpus.store import open_store

            with open_store(ctx.obj["db"]) as store:
                kept, _ = resolve(store_codings(store, doc.id))
            labs: list[Labels] = [c.labels for c in kept]
        else:
            labs = [p.labels for p in model.predict([p.text for p in passages])]
        items += [ProfileItem(group, lab) for lab in labs]
    if not items:
        raise _fail("geen (gecodeerde) passages om een profiel van te maken")
    profiles = make_profile(items)
    if fmt == "json":
        click.echo(json.dumps({"bron": bron, "model": info if bron == "model" else None,
                               "profiles": [p.to_dict() for p in profiles]}, ensure_ascii=False, indent=1))
    else:
        click.echo(_csv(profile_rows(profiles)), nl=False)


@click.group()
def codings() -> None:
    """Coderingen importeren en exporteren (JSONL, Prodigy, CSV, REFI-QDA)."""


@codings.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.pass_context
def codings_import(ctx: click.Context, file: str) -> None:
    """Lees coderingen (JSONL, Prodigy-JSONL of CSV) in het corpus in.

    \b
    Voorbeeld:
      drechtlens codings import coderingen.jsonl
    """
    from corpus.coding import import_codings
    from corpus.store import StoreError, open_store
    from models.interchange import InterchangeError, read_codings

    try:
        rows = read_codings(file)
    except InterchangeError as err:
        raise _fail(str(err)) from None
    with open_store(ctx.obj["db"]) as store:
        try:
            added, missing = import_codings(store, rows)
        except StoreError as err:
            raise _fail(str(err)) from None
    click.echo(f"{added} coderingen ingelezen.")
    if missing:
        click.echo(f"{len(missing)} coderingen overgeslagen: passage niet in het corpus "
                   f"(bijv. {', '.join(missing[:3])}).", err=True)


@codings.command("export")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "prodigy", "csv", "qdpx"]), default=None,
              help="Standaard afgeleid van de extensie (.jsonl, .csv, .qdpx).")
@click.option("--doc", "doc_id", default=None, help="Alleen de coderingen van dit document.")
@click.pass_context
def codings_export(ctx: click.Context, file: str, fmt: str | None, doc_id: str | None) -> None:
    """Schrijf de coderingen uit het corpus weg; .qdpx is een REFI-QDA-project (MAXQDA, ATLAS.ti, NVivo).

    \b
    Voorbeelden:
      drechtlens codings export coderingen.jsonl
      drechtlens codings export project.qdpx
    """
    from corpus.coding import store_codings
    from corpus.store import open_store
    from models.interchange import QdaSource, export_qdpx, write_csv, write_jsonl

    fmt = fmt or {".csv": "csv", ".qdpx": "qdpx"}.get(Path(file).suffix.lower(), "jsonl")
    if not store_exists(ctx.obj["db"]):
        raise _fail(f"corpusdatabase {ctx.obj['db']} bestaat niet")
    with open_store(ctx.obj["db"]) as store:
        rows = store_codings(store, doc_id)
        sources = []
        if fmt == "qdpx":
            for did in dict.fromkeys(c.meta["doc_id"] for c in rows):
                doc = store.get_document(did)
                spans, pos, parts = {}, 0, []
                for p in doc.passages:
                    spans[p.id] = (pos, pos + len(p.text))
                    parts.append(p.text)
                    pos += len(p.text) + 2
                sources.append(QdaSource(doc.title or doc.id, "\n\n".join(parts), spans))
    if not rows:
        raise _fail("er zijn nog geen coderingen om te exporteren")
    if fmt == "qdpx":
        export_qdpx(rows, file, sources)
    elif fmt == "csv":
        write_csv(rows, file)
    else:
        write_jsonl(rows, file, prodigy=fmt == "prodigy")
    click.echo(f"{len(rows)} coderingen geschreven naar {file} ({fmt}).")


COMMANDS = [classify, train, profile, codings]


@codings.command("queue")
@click.option("--n", "n", default=20, show_default=True, help="Aantal passages.")
@click.option("--doc", "doc_id", default=None, help="Alleen passages uit dit document.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def codings_queue(ctx: click.Context, n: int, doc_id: str | None, fmt: str) -> None:
    """Welke passages nu coderen: de onzekerste, gespreid over labels en documenten (actief leren).

    \b
    Voorbeeld:
      drechtlens codings queue --n 10
    """
    from corpus.store import StoreError, open_store
    from models.active import next_batch

    if not store_exists(ctx.obj["db"]):
        raise _fail(f"corpusdatabase {ctx.obj['db']} bestaat niet")
    model, _info = _model(None, False)
    with open_store(ctx.obj["db"]) as store:
        try:
            ids = [doc_id] if doc_id else [d.id for d in store.documents(latest_only=True)]
            passages = [p for did in ids for p in store.get_document(did).passages]
        except StoreError as err:
            raise _fail(str(err)) from None
        coded = {c.passage_id for c in store.codings(doc_id=doc_id)}
    batch = next_batch(passages, model, coded, n)
    if fmt == "json":
        click.echo(json.dumps([{"passage_id": q.passage_id, "reason": q.reason, "suggestion": q.suggestion,
                                "uncertainty": q.uncertainty} for q in batch], ensure_ascii=False, indent=1))
        return
    text = {p.id: p.text for p in passages}
    for q in batch:
        click.echo(f"{q.passage_id}  {q.reason}  voorstel: {', '.join(q.suggestion['domains']) or '-'}")
        click.echo(f"    {text[q.passage_id][:120]}")


@codings.command("agreement")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def codings_agreement(ctx: click.Context, fmt: str) -> None:
    """Overeenstemming tussen codeurs per label (Cohen's κ, Krippendorffs α) en de passages om te beslechten.

    \b
    Voorbeeld:
      drechtlens codings agreement
    """
    from corpus.coding import store_codings
    from corpus.store import open_store
    from models.agreement import agreement, disagreements

    if not store_exists(ctx.obj["db"]):
        raise _fail(f"corpusdatabase {ctx.obj['db']} bestaat niet")
    with open_store(ctx.obj["db"]) as store:
        rows = store_codings(store)
    per_label, open_cases = agreement(rows), disagreements(rows)
    if fmt == "json":
        click.echo(json.dumps({
            "labels": [vars(a) for a in per_label],
            "disagreements": [{"passage_id": d.passage_id, "labels": d.labels,
                               "by_coder": {k: v.to_dict() for k, v in d.by_coder.items()}} for d in open_cases]},
            ensure_ascii=False, indent=1))
        return

    def fmt_num(x: float | None) -> str:
        return "-" if x is None else f"{x:.2f}"

    click.echo(f"{'label':30} {'n':>4} {'%':>5} {'kappa':>6} {'alpha':>6}")
    for a in per_label:
        click.echo(f"{a.label:30} {a.n_units:>4} {fmt_num(a.percent):>5} {fmt_num(a.kappa):>6} {fmt_num(a.alpha):>6}")
    click.echo(f"{len(open_cases)} passages met meningsverschil om te beslechten.")
    for d in open_cases[:20]:
        click.echo(f"  {d.passage_id}: {', '.join(d.labels)}")
