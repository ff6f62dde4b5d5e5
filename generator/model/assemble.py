"""Turn validated, cross-checked records into the model (frozen dataclasses)."""

from __future__ import annotations

from typing import Any

from generator import model as m
from generator.core.clock import has_passed, today
from generator.model.autoid import criterion_ids
from generator.model.levels import default_name
from generator.model.methods import BUILTIN_METHODS, given_methods, organisation_methods
from generator.model.questions import bank, plan
from generator.model.terms import NOT_STATED

Data = dict[str, Any]


def _t(values: list[Any] | None) -> tuple[Any, ...]:
    return tuple(values or ())


def list_item(raw: Any) -> m.ListItem:
    if isinstance(raw, str):
        return m.ListItem(raw)
    children = tuple(map(list_item, raw.get("items", [])))
    return m.ListItem(raw["text"], _num(raw.get("number")), children, raw.get("priority"),
                      raw.get("share_of_time"))


def _num(value: Any) -> str | None:
    return None if value is None else str(value)


def list_section(raw: Data | None) -> m.ListSection:
    if not raw:
        return m.ListSection()
    groups = tuple(
        m.ListGroup(g.get("heading"), g.get("intro"), tuple(map(list_item, g["items"])))
        for g in raw.get("groups", [])
    )
    return m.ListSection(raw.get("title"), raw.get("intro"),
                         tuple(map(list_item, raw.get("items", []))), groups, raw.get("outro"),
                         tuple(sorted((raw.get("columns") or {}).items())))


def contract_facts(d: Data) -> m.ContractFacts:
    return m.ContractFacts(d.get("contract_kind"), d.get("contract_end"), d.get("contract_length"))


def dimensions(raw: Data | None) -> m.Dimensions:
    raw = raw or {}
    return m.Dimensions(raw.get("title"), raw.get("intro"),
                        tuple(m.Dimension(x["label"], x["value"]) for x in raw.get("items", [])))


def vetting(raws: list[Data] | None) -> tuple[m.Vetting, ...]:
    return tuple(m.Vetting(v["text"], v.get("scheme"), v.get("level"), v.get("candidate"))
                 for v in raws or ())


def salary(raw: Data | None) -> m.Salary | None:
    if not raw:
        return None
    return m.Salary(raw["text"], raw.get("min"), raw.get("max"), raw.get("period"),
                    raw.get("currency", "GBP"), raw.get("estimated", False),
                    raw.get("pro_rata", False), raw.get("depends_on_experience", False),
                    _figures(raw.get("rates")), _figures(raw.get("supplements")))


def _figures(raw: list[Data] | None) -> tuple[m.PayFigure, ...]:
    return tuple(m.PayFigure(f["text"], f.get("min"), f.get("max"), f.get("period"))
                 for f in raw or ())


def terms(raw: Data | None) -> m.Terms:
    raw = raw or {}
    return m.Terms(raw.get("annual_leave"), raw.get("pension"), _t(raw.get("benefits")),
                   raw.get("workplace"), raw.get("workplace_text"), raw.get("visa_sponsorship"),
                   raw.get("visa_sponsorship_statement"), raw.get("who_may_apply"),
                   tuple(m.BenefitGroup(g["heading"], tuple(g["items"]))
                         for g in raw.get("benefit_groups", ())),
                   raw.get("annual_leave_label"), raw.get("pension_label"))


def labels(raw: Data | None) -> m.Labels:
    raw = raw or {}
    return m.Labels(dict(raw.get("sections", {})), dict(raw.get("columns", {})),
                    raw.get("competency"), raw.get("methods_as"), raw.get("methods_key"))


def statements(raw: list[Data] | None) -> tuple[m.Statement, ...]:
    return tuple(m.Statement(s["kind"], s.get("title") or s["kind"].replace("-", " ").capitalize(),
                             s["text"]) for s in raw or [])


def import_review(raw: Data | None) -> m.ImportReview:
    """The points of an import review not yet ticked done (their words stay in the file)."""
    def open_in(key: str) -> tuple[int, ...]:
        return tuple(n for n, point in enumerate((raw or {}).get(key, []))
                     if not point.get("done", False))

    return m.ImportReview(open_in("needs_a_look"), open_in("to_place"))


def contact(raw: Data) -> m.Contact:
    return m.Contact(raw.get("purpose"), raw.get("name"), raw.get("phone"), raw.get("email"))


def apply(raw: Data | None) -> m.Apply | None:
    if not raw:
        return None
    return m.Apply(raw.get("url"), raw.get("email"), _t(raw.get("send")), raw.get("adjustments"))


def organisation(oid: str, d: Data) -> m.Organisation:
    form = d.get("known_risks_form")
    risk_form = None
    if form:
        risk_form = m.KnownRiskForm(
            form.get("title", "Known risks"), form.get("introduction"), form.get("question"),
            tuple(m.KnownRiskItem(i["id"], i["text"], i.get("letter"), i.get("note"),
                                  i.get("kind", "yes-no")) for i in form["items"]),
            tuple(m.KnownRiskNote(n["id"], n.get("title", ""), n["text"], n.get("letter"))
                  for n in form.get("notes", [])),
            form.get("history"),
        )
    return m.Organisation(
        id=oid, name=d["name"], default_scale=d.get("default_scale"),
        methods=organisation_methods(d.get("assessment_methods", [])),
        short_name=d.get("short_name"), formerly=_t(d.get("formerly")), about=d.get("about"),
        address=_t(d.get("address")), website=d.get("website"),
        contacts=tuple(contact(x) for x in d.get("contacts", [])),
        values_intro=d.get("values_intro"),
        values=tuple(m.Value(v["name"], v.get("description")) for v in d.get("values", [])),
        values_statement=d.get("values_statement"), statements=statements(d.get("statements")),
        colour=(d.get("branding") or {}).get("colour"), known_risks_form=risk_form,
        labels=labels(d.get("labels")), country=d.get("country"),
        stage_scales=tuple(sorted((d.get("stage_scales") or {}).items())),
        sheet_wording=sheet_wording(d.get("scoring_sheets") or {}),
        form_wording=form_wording(d.get("application_form") or {}),
    )


def _question(d: Data | None) -> m.FormQuestion | None:
    return m.FormQuestion(d["question"], d.get("text"), d.get("to_panel")) if d else None


def form_wording(d: Data) -> m.FormWording:
    anonymised = d.get("anonymised_shortlisting") or {}
    referees = d.get("referees") or {}
    return m.FormWording(anonymised.get("to_applicants"), anonymised.get("to_panel"),
                         bool(anonymised), _question(d.get("guaranteed_interview")),
                         referees.get("number", 0), referees.get("text"),
                         d.get("evidence_guidance"), d.get("equality_monitoring"),
                         _question(d.get("criminal_records")),
                         _question(d.get("criminal_records_exempt")), d.get("privacy_notice"),
                         d.get("equality_privacy_notice"))


def sheet_wording(d: Data) -> m.SheetWording:
    return m.SheetWording(d.get("guidance"), tuple(sorted((d.get("scale_guidance") or {}).items())),
                          d.get("retention_months"),
                          d.get("data_protection"), d.get("interview_layout", m.FULL),
                          tuple(m.ScriptSection(x["heading"], x["text"],
                                                x.get("position", "before"))
                                for x in d.get("interview_script", ())))


def scale(sid: str, d: Data) -> m.Scale:
    points = tuple(m.ScalePoint(p["score"], p["descriptor"], p.get("label"))
                   for p in d.get("points", ()))
    bands = tuple(m.ScaleBand(b["from"], b["to"], b["descriptor"], b.get("label"))
                  for b in d.get("bands", ()))
    return m.Scale(sid, d["name"], d["min"], d["max"], points, d.get("description"),
                   _t(d.get("weights")), d.get("essential_gate", True),
                   d.get("score_desirable_only", False), d.get("kind", "points"),
                   d.get("pass_mark"), d.get("gate_excludes", "nothing"), bands,
                   d.get("desirable_after_gate", False))


def level(d: Data) -> m.Level:
    # A level may leave out its name (numbered levels, as sources do): it is then called by its
    # number, which the pages and forms show once, not twice. One may leave out its number (a
    # framework that names its levels only): it is then called by its name.
    return m.Level(d.get("number"), default_name(d.get("number"), d.get("name")),
                   _t(d.get("indicators")), d.get("description"),
                   d.get("not_defined", False), d.get("not_defined_text"), _t(d.get("applies_to")))


def framework(fid: str, d: Data) -> m.Framework:
    comps = tuple(
        m.Competency(c["id"], c["name"], tuple(map(level, c.get("levels", []))),
                     c.get("description"), c.get("relevance"), c.get("notes"),
                     _t(c.get("required_by")))
        for c in d.get("competencies", [])
    )
    words = d.get("labels", {})
    return m.Framework(fid, d["name"], d.get("organisation"), d.get("description"),
                       d.get("relevance_label"), tuple(map(level, d.get("levels", []))), comps,
                       m.FrameworkLabels(words.get("competency"), words.get("competencies"),
                                         words.get("levels"), words.get("named_roles")))


def criterion(d: Data, methods: dict[str, m.AssessmentMethod], shared: dict[str, Data],
              default: list[str] | str | None, family: str | None = None,
              given_id: str | None = None) -> m.Criterion:
    """A person-spec criterion; fields it leaves out come from its shared criterion.
    `given_id` is the id numbered for a criterion written without one."""
    base = shared.get(d["use"], {}) if "use" in d else {}
    method_ids = given_methods(d.get("assessed_by"), base.get("assessed_by"), default)
    return m.Criterion(
        id=str(d["id"]) if "id" in d else (given_id or ""),
        # No category is "": the criterion is printed under no heading, never "Other".
        category=d.get("category") or base.get("category", ""),
        text=d.get("text") or base["text"], requirement=d["requirement"],
        assessed_by=tuple(methods[x] for x in method_ids or () if x in methods),
        weight=d.get("weight"), guidance=d.get("guidance") or base.get("guidance"),
        shared=d.get("use"), inherited_from=family, items=tuple(map(list_item, d.get("items", []))),
        methods_stated=method_ids is not None, internal_notes=d.get("internal_notes"),
        methods_partly_legible=d.get("methods_partly_legible"),
    )


def _criteria(raws: list[Data], methods: dict[str, m.AssessmentMethod], shared: dict[str, Data],
              default: list[str] | str | None, family: str | None = None,
              taken: tuple[str, ...] = ()) -> tuple[m.Criterion, ...]:
    ids = criterion_ids(raws, taken)
    return tuple(criterion(raw, methods, shared, default, family, given)
                 for raw, given in zip(raws, ids, strict=True))


def family_chain(families: dict[str, Data], family_id: str) -> list[str]:
    """The family and its ancestors, eldest first (cross-checks have ruled out loops)."""
    chain: list[str] = []
    current: str | None = family_id
    while current and current in families and current not in chain:
        chain.insert(0, current)
        current = families[current].get("extends")
    return chain


def family(fid: str, d: Data, shared: dict[str, Data]) -> m.Family:
    methods = {x.id: x for x in BUILTIN_METHODS}
    source = d.get("source")
    return m.Family(
        id=fid, title=d["title"], extends=d.get("extends"), summary=d.get("summary"),
        description=d.get("description"), responsibilities=list_section(d.get("responsibilities")),
        criteria=_criteria(d.get("criteria", []), methods, shared, NOT_STATED, fid),
        source=m.Source(source.get("title"), source.get("kind"), source.get("text"))
        if source else None,
    )


def role(rid: str, d: Data, orgs: dict[str, m.Organisation], families: dict[str, Data],
         family_models: dict[str, m.Family], frameworks: dict[str, m.Framework],
         shared: dict[str, Data]) -> m.Role:
    org = (orgs[d["organisation"]] if "organisation" in d  # else its source names no employer
           else m.Organisation("", "", None, BUILTIN_METHODS, stated=False))
    methods = {x.id: x for x in org.methods}
    spec = d.get("person_specification", {})
    default = spec.get("assessed_by")
    criteria: dict[str, m.Criterion] = {}
    if "family" in d:
        # A family criterion that names no method takes the role's default, else is "not
        # stated": no method is made up for it.
        for fid in family_chain(families, d["family"]):
            for crit in _criteria(families[fid].get("criteria", []), methods, shared,
                                  default or NOT_STATED, fid):
                criteria[crit.id] = crit
    for crit in _criteria(spec.get("criteria", []), methods, shared, default,
                          taken=tuple(criteria)):
        criteria[crit.id] = crit
    checks = d.get("pre_employment_checks", {})
    risks: tuple[m.KnownRiskAnswer, ...] = ()
    if org.known_risks_form and "known_risks" in d:
        items = {i.id: i for i in org.known_risks_form.items}
        notes = {n.id: n for n in org.known_risks_form.notes}
        risks = tuple(
            m.KnownRiskAnswer(items[a["item"]], a.get("answer"), a.get("details"),
                              notes.get(items[a["item"]].note or ""))
            for a in d["known_risks"]
        )
    dates = d.get("dates", {})
    return m.Role(
        id=rid, title=d["title"], organisation=org,
        person_spec=m.PersonSpec(spec.get("introduction"), tuple(criteria.values()),
                                 {c["name"].casefold(): c["description"]
                                  for c in spec.get("categories", [])}),
        family=family_models.get(d.get("family", "")),
        directorate=d.get("directorate"), service=d.get("service"), team=d.get("team"),
        locations=_t(d.get("locations")), reports_to=_t(d.get("reports_to")),
        direct_reports=d.get("direct_reports"), grade=d.get("grade"),
        salary=salary(d.get("salary")),
        post_number=d.get("post_number"), job_evaluation_number=d.get("job_evaluation_number"),
        hours=d.get("hours"), contract=d.get("contract"), contract_facts=contract_facts(d),
        dates=m.RoleDates(dates.get("issued"), dates.get("reviewed"), dates.get("next_review")),
        introduction=d.get("introduction"), context=d.get("context"), purpose=d.get("purpose"),
        accountabilities=list_section(d.get("accountabilities")),
        key_activities=list_section(d.get("key_activities")),
        performance_measures=list_section(d.get("performance_measures")),
        dimensions=dimensions(d.get("dimensions")),
        working_arrangements=tuple(m.WorkingArrangement(w["kind"], w["text"])
                                   for w in d.get("working_arrangements", [])),
        checks=m.Checks(checks.get("dbs"), checks.get("rehabilitation_exemption", False),
                        checks.get("statement"), _t(checks.get("other")),
                        vetting(checks.get("vetting"))),
        known_risks=risks, statements=statements(d.get("statements")),
        competencies=tuple(_requirement(r, frameworks, methods) for r in d.get("competencies", [])),
        terms=terms(d.get("terms")), labels=labels(d.get("labels")).over(org.labels),
        internal_notes=d.get("internal_notes"), draft=d.get("status") == "draft",
        review=import_review(d.get("import_review")),
        questions=bank([*((fid, families[fid].get("questions", []))
                          for fid in family_chain(families, d.get("family", ""))),
                        (None, d.get("questions", []))]),
    )


def _requirement(d: Data, frameworks: dict[str, m.Framework],
                 methods: dict[str, m.AssessmentMethod]) -> m.CompetencyRequirement:
    fw = frameworks[d["framework"]]
    comp = fw.competency(d["competency"]) if "competency" in d else None
    owner: m.Framework | m.Competency = comp or fw

    def lv(key: str) -> m.Level | None:
        return owner.level(d[key]) if key in d else None

    given = d.get("assessed_by", ["interview"])
    stated = given != NOT_STATED
    return m.CompetencyRequirement(
        fw, comp, lv("level"), tuple(methods[x] for x in given) if stated else (),
        lv("entry_level"), lv("exceptional_level"), d.get("weight"),
        requirement=d.get("requirement"), methods_stated=stated,
    )


def _stage_scales(the_role: m.Role, d: Data) -> list[tuple[str, str]]:
    """A vacancy's scale ids by stage: its own over the organisation's, unless the vacancy names
    one scale for every stage (its `scale`), which replaces the organisation's."""
    ids = {} if d.get("scale") else dict(the_role.organisation.stage_scales)
    ids.update(d.get("stage_scales") or {})
    return sorted(ids.items())


def _scale(scales: dict[str, m.Scale], sid: str | None) -> m.Scale:
    """The scale named, or NO_SCALE where neither the vacancy nor its organisation names one."""
    return scales[sid] if sid else m.NO_SCALE


def vacancy(vid: str, d: Data, roles: dict[str, m.Role], scales: dict[str, m.Scale],
            on: str | None = None) -> m.Vacancy:
    """A vacancy; `on` is the build's date (YYYY-MM-DD), which decides whether it has expired."""
    the_role = roles[d["role"]]
    expired = d["status"] == "open" and has_passed(d.get("closing_date"), on or today())
    return m.Vacancy(
        id=vid, role=the_role, reference=d.get("reference"), status=d["status"],
        title=d.get("title") or the_role.title,
        scale=_scale(scales, d.get("scale") or the_role.organisation.default_scale),
        candidates=d.get("candidates", 6), posted=d.get("posted"),
        closing_date=d.get("closing_date"), closing_time=d.get("closing_time"),
        interview_dates=_t(d.get("interview_dates")), salary=salary(d.get("salary")),
        hours=d.get("hours"), contract=d.get("contract"), employment_type=d.get("employment_type"),
        contract_facts=_own_contract(d, the_role),
        locations=_t(d.get("locations")) or the_role.locations, how_to_apply=d.get("how_to_apply"),
        apply=apply(d.get("apply")),
        contact=contact(d["contact"]) if d.get("contact") else None, panel=_t(d.get("panel")),
        summary=d.get("summary"), country=d.get("country") or the_role.organisation.country,
        terms=the_role.terms.merged(terms(d.get("terms"))),
        illustrative=d.get("illustrative"), internal_notes=d.get("internal_notes"),
        expired=expired,
        question_plan=plan(d.get("question_plan")),
        stage_scales=tuple((stage, scales[sid]) for stage, sid in _stage_scales(the_role, d)),
        weights=tuple((stage, tuple(sorted(by_id.items())))
                      for stage, by_id in sorted((d.get("weights") or {}).items())),
    )


def _own_contract(d: Data, the_role: m.Role) -> m.ContractFacts:
    """A vacancy's contract facts: its own when it words its contract or gives any, else its
    role's (never the role's kind beside the vacancy's other words)."""
    own = contract_facts(d)
    return own if own or d.get("contract") else the_role.contract_facts


def site(records: dict[str, dict[str, Data]], on: str | None = None) -> m.Site:
    """Build the whole model from every record's data, keyed by kind then id; `on` is the
    build's date (today, or SOURCE_DATE_EPOCH's, when not given)."""
    on = on or today()

    def of(kind: str) -> dict[str, Data]:
        return dict(sorted(records.get(kind, {}).items()))

    shared_raw = of("criterion")
    orgs = {k: organisation(k, v) for k, v in of("organisation").items()}
    scales = {k: scale(k, v) for k, v in of("scale").items()}
    frameworks = {k: framework(k, v) for k, v in of("framework").items()}
    families_raw = of("family")
    families = {k: family(k, v, shared_raw) for k, v in families_raw.items()}
    roles = {k: role(k, v, orgs, families_raw, families, frameworks, shared_raw)
             for k, v in of("role").items()}
    vacancies = {k: vacancy(k, v, roles, scales, on) for k, v in of("vacancy").items()}
    builtin = {x.id: x for x in BUILTIN_METHODS}
    shared = {k: criterion({"id": k, "use": k, "requirement": "essential"}, builtin, shared_raw,
                           None) for k in shared_raw}
    glossary = of("glossary").get("glossary", {}).get("terms", [])
    terms = tuple(sorted((m.GlossaryTerm(t["term"], t["meaning"], t.get("description"))
                          for t in glossary), key=lambda t: t.term.casefold()))
    return m.Site(orgs, roles, families, frameworks, scales, vacancies, shared, terms)
