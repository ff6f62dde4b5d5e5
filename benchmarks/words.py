"""Word lists and a seeded sentence maker: plausible HR English without any external data.

Everything draws from one `random.Random`, so the same seed always gives the same text.
"""

from __future__ import annotations

import random
import re

PLACE_START = ("North", "South", "East", "West", "Ash", "Oak", "Elm", "Brook", "Stone", "Kings",
               "Queens", "Green", "Mill", "Bridge", "Marsh", "High", "Red", "White", "Fair",
               "Wood", "Holm", "Thorn", "Bright", "Long")
PLACE_END = ("field", "ford", "bury", "ham", "ton", "wick", "worth", "by", "stead", "dale",
             "moor", "well", "gate", "mouth", "combe", "ley", "minster", "hurst")
ORG_KINDS = ("Borough Council", "County Council", "Housing Trust", "Recovery Partnership",
             "Community Services", "Mental Health Trust", "Family Support", "Care Group",
             "Foundation", "Women's Aid", "Advice Centre", "Youth Trust")
STREETS = ("High Street", "Station Road", "Church Lane", "Mill Road", "Victoria Street",
           "Park Avenue", "Queen Street", "London Road", "The Green", "Chapel Walk")

SENIORITY = ("", "", "", "Senior", "Lead", "Assistant", "Principal", "Trainee", "Deputy")
AREAS = ("Recovery", "Family Support", "Housing", "Mental Health", "Youth", "Community",
         "Safeguarding", "Domestic Abuse", "Substance Misuse", "Employment", "Wellbeing",
         "Criminal Justice", "Outreach", "Residential", "Peer Support", "Learning Disability",
         "Early Help", "Care Leavers", "Older People", "Homelessness")
JOBS = ("Worker", "Navigator", "Co-ordinator", "Case Coordinator", "Practitioner", "Adviser",
        "Officer", "Team Leader", "Manager", "Support Worker", "Key Worker", "Mentor",
        "Administrator", "Facilitator", "Specialist", "Assessor")

VERBS = ("Develop", "Maintain", "Coordinate", "Deliver", "Support", "Monitor", "Review",
         "Promote", "Ensure", "Contribute to", "Oversee", "Plan", "Facilitate", "Manage",
         "Establish", "Record", "Assess", "Organise", "Lead", "Take part in")
OBJECTS = ("effective working relationships with partner agencies",
           "person-centred support plans for each client",
           "accurate and confidential case records", "the safety planning process",
           "a caseload of clients with complex needs", "risk assessments and risk management plans",
           "group sessions and drop-in services", "referrals to specialist services",
           "the induction of new volunteers", "service user feedback and involvement",
           "the team's contribution to service audits", "outreach in community settings",
           "links with local housing providers", "the weekly staff rota",
           "reports for multi-agency meetings", "training for staff and volunteers",
           "the service's key performance indicators", "care and recovery plans",
           "budgets for activities and resources", "information for funders and commissioners",
           "support for families and carers", "safeguarding concerns and referrals",
           "access to education, training and employment", "transitions between services")
QUALIFIERS = ("in line with the organisation's policies and procedures",
              "to agreed standards and deadlines", "with guidance from the line manager",
              "using a trauma-informed approach", "across the whole service area",
              "working closely with colleagues in other teams",
              "so that clients receive a consistent service", "in a timely manner",
              "within the resources available", "in partnership with statutory services",
              "taking account of equality and diversity", "and report any concerns promptly",
              "to improve outcomes for service users", "as set out in the service plan")
DOES = ("develops", "maintains", "coordinates", "delivers", "supports", "monitors", "reviews",
        "promotes", "oversees", "plans", "manages", "leads")
OPENERS = ("The service", "The team", "This role", "Our organisation", "The post holder",
           "The partnership", "The project")
CLAIMS = ("works with adults and young people who face multiple disadvantages",
          "supports people to find and keep a safe place to live",
          "is commissioned by the local authority and the NHS",
          "brings together clinical and community expertise",
          "aims to reduce the time people spend in crisis",
          "offers one-to-one and group support in the community",
          "helps families to stay together safely wherever possible",
          "has grown steadily over the last three years",
          "is part of a wider network of recovery services",
          "puts the views of the people we support at the centre of its work",
          "covers a large rural area as well as two market towns",
          "relies on strong partnerships with the police, health and housing")
EVIDENCE = ("Experience of", "Knowledge of", "Understanding of", "Ability to show",
            "Proven experience of", "A good understanding of", "Awareness of")
SKILLS = ("working with people with mental health needs",
          "supporting victims of domestic abuse",
          "managing a caseload with competing priorities", "carrying out needs assessments",
          "safeguarding adults and children", "multi-agency working",
          "motivational interviewing techniques", "the welfare benefits system",
          "facilitating groups", "writing clear and concise reports",
          "handling confidential information", "supervising staff or volunteers",
          "the criminal justice system", "substance misuse and recovery",
          "equal opportunities in practice", "managing budgets",
          "using databases and case management systems", "de-escalating difficult situations",
          "the housing options available locally", "working flexibly as part of a team",
          "quality assurance and audit", "planning and prioritising own workload")
ABILITIES = ("communicate clearly both orally and in writing",
             "build trusting relationships with clients", "work on own initiative",
             "manage stressful and difficult situations calmly",
             "maintain personal and professional boundaries", "use IT and office software",
             "travel independently across the area", "work evenings and weekends when needed",
             "analyse information and act on it", "keep accurate records")
QUALIFICATIONS = ("NVQ Level 3 in Health and Social Care", "a degree in a relevant subject",
                  "GCSE English and Maths at grade C or above",
                  "a recognised counselling qualification", "a management qualification",
                  "a Level 2 safeguarding certificate", "a social work qualification",
                  "a teaching or training qualification")
CATEGORIES = ("Qualifications", "Experience", "Knowledge", "Skills", "Personal attributes",
              "Special requirements", "Values", "Education, qualification and training")
FIRST_NAMES = ("Jane", "Ahmed", "Priya", "Tom", "Grace", "Owen", "Fatima", "Liam", "Sofia",
               "Daniel", "Chloe", "Marek", "Aisha", "Ruth", "Kwame", "Hannah")
SURNAMES = ("Smith", "Khan", "Patel", "Jones", "Williams", "Brown", "Taylor", "Davies", "Evans",
            "Wilson", "Okafor", "Nowak", "Hughes", "Clarke", "Ahmed", "Murphy")
COMPETENCIES = ("Achieving Results", "Customer Care", "Effective Communication",
                "Partnership and Teamwork", "Personal Development", "Working with Change",
                "Planning and Organising", "Analytical Thinking", "Leadership",
                "Self-Awareness", "Resilience", "Ethics and Values", "Client Focus",
                "Decision Making", "Innovation", "Managing Resources")
ACRONYM_WORDS = ("National", "Regional", "Community", "Independent", "Domestic", "Violence",
                 "Support", "Recovery", "Health", "Care", "Housing", "Service", "Team",
                 "Assessment", "Youth", "Offender", "Mental", "Family", "Partnership", "Board",
                 "Forum", "Programme", "Panel", "Network", "Adviser", "Officer", "Review",
                 "Treatment", "Safeguarding", "Outreach", "Learning", "Employment")


def slug(text: str) -> str:
    """An id from a title: lower-case words joined by hyphens."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


class Words:
    """Sentences, paragraphs and names from the lists above, driven by one seeded Random."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.acronyms: list[str] = []   # glossary terms, mentioned now and then

    def pick(self, options: tuple[str, ...]) -> str:
        return self.rng.choice(options)

    def place(self) -> str:
        return self.pick(PLACE_START) + self.pick(PLACE_END)

    def person(self) -> str:
        return f"{self.pick(FIRST_NAMES)} {self.pick(SURNAMES)}"

    def phone(self) -> str:
        return f"01{self.rng.randint(100, 999)} {self.rng.randint(100000, 999999)}"

    def duty(self) -> str:
        """An accountability: verb, object and often a qualifier."""
        text = f"{self.pick(VERBS)} {self.pick(OBJECTS)}"
        if self.rng.random() < 0.7:
            text += f" {self.pick(QUALIFIERS)}"
        if self.rng.random() < 0.25:
            text += f", and {self.pick(VERBS).lower()} {self.pick(OBJECTS)}"
        if self.acronyms and self.rng.random() < 0.15:
            text += f" with the {self.rng.choice(self.acronyms)}"
        return text + ("." if self.rng.random() < 0.6 else "")

    def sentence(self) -> str:
        text = f"{self.pick(OPENERS)} {self.pick(CLAIMS)}"
        if self.rng.random() < 0.4:
            text += f" and {self.pick(DOES)} {self.pick(OBJECTS)}"
        return text + "."

    def paragraph(self, low: int = 2, high: int = 5) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    def markdown(self, paragraphs: int) -> str:
        """Several paragraphs, now and then with bold text, a link or a bullet list."""
        parts = [self.paragraph() for _ in range(paragraphs)]
        if paragraphs > 1 and self.rng.random() < 0.3:
            parts.insert(1, "\n".join(f"- {self.duty()}" for _ in range(self.rng.randint(2, 4))))
        if self.rng.random() < 0.3:
            parts[0] = f"**{self.pick(AREAS)} matters.** " + parts[0]
        if self.rng.random() < 0.2:
            parts[-1] += " Read more on [our website](https://www.example.org/about)."
        return "\n\n".join(parts)

    def criterion(self) -> str:
        roll = self.rng.random()
        if self.acronyms and roll < 0.05:
            return f"Knowledge of the {self.rng.choice(self.acronyms)}"
        if roll < 0.55:
            return f"{self.pick(EVIDENCE)} {self.pick(SKILLS)}"
        if roll < 0.85:
            return f"Ability to {self.pick(ABILITIES)}"
        return f"{self.pick(QUALIFICATIONS).capitalize()} or equivalent"

    def title(self) -> str:
        words = [self.pick(SENIORITY), self.pick(AREAS), self.pick(JOBS)]
        return " ".join(w for w in words if w)

    def acronym(self) -> tuple[str, str]:
        """A made-up acronym and what it stands for."""
        words = self.rng.sample(ACRONYM_WORDS, self.rng.randint(2, 4))
        return "".join(w[0] for w in words), " ".join(words)
