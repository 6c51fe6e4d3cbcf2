import type { MaturityFramework } from "../schema/framework.js";
import { iccCitizenParticipationBg } from "./iccCitizenParticipation.bg.js";

type Rubric = { answer: string | number | boolean; text: string }[];

const yesNo = (yes: string, no: string): Rubric => [
  { answer: true, text: yes },
  { answer: false, text: no },
];

/**
 * "Citizen participation and digital public administration maturity" v1.0.0 — a framework
 * DESIGNED BY THIS PROJECT for the ICC track "citizen participation and digitisation of public
 * administration". It is not an official European Commission or ICC instrument: no ICC maturity
 * rubric is public (docs/methodology/maturity.md).
 *
 * Seven dimensions (ids fixed: strategyGovernance, digitalServices, openData, eParticipation,
 * inPersonParticipation, technologyInteroperability, ecosystemSkills), equal weights, arithmetic
 * means, 32 indicators mixing binary, Likert, categorical, multi-select, rating-grid and numeric
 * (goalposts, so a single city can be scored) answers, each with a question and a rubric for every
 * answer. The e-participation dimension follows the UN E-Participation Index stages
 * (e-information → e-consultation → e-decision-making) and the IAP2 spectrum (inform → consult →
 * involve → collaborate → empower). Five levels on 0–100 in bands of 20 (lower bound inclusive,
 * the top band including 100). Unanswered questions are skipped; a dimension needs half of its
 * indicator weight answered (docs/methodology/maturity.md, Built-in frameworks).
 *
 * @example
 * ```ts
 * import { iccCitizenParticipation } from "icc-assessment/frameworks";
 * iccCitizenParticipation.provenance; // => "designed"
 * iccCitizenParticipation.dimensions.map((d) => d.id).length; // => 7
 * iccCitizenParticipation.levels.map((l) => l.id); // => ["initial", "emerging", "established", "advanced", "leading"]
 * ```
 */
export const iccCitizenParticipation: MaturityFramework = {
  id: "icc-citizen-participation",
  version: "1.0.0",
  title:
    "Citizen participation and digital public administration maturity (designed for ICC cities)",
  description:
    "A self-assessment for the ICC 2020–22 track 'citizen participation and digitisation of public administration'. Designed by the icc-assessment project; not an official European Commission instrument.",
  provenance: "designed",
  sources: [
    {
      title: "Designed by the icc-assessment project (docs/methodology/maturity.md)",
      note: "No official ICC maturity rubric is public; dimensions, indicators, weights and levels are this project's design.",
    },
    {
      title: "UN DESA, E-Participation Index: e-information, e-consultation, e-decision-making",
      url: "https://publicadministration.un.org/egovkb/en-us/About/Overview/E-Participation-Index",
    },
    {
      title:
        "IAP2 Spectrum of Public Participation: inform, consult, involve, collaborate, empower",
      url: "https://ogpvietnam.org/what-is-the-spectrum-of-public-participation/?lang=en",
    },
    {
      title: "OECD (2022) Guidelines for Citizen Participation Processes",
      url: "https://oecd.org/gov/oecd-guidelines-for-citizen-participation-processes-f765caf6-en.htm",
    },
    {
      title:
        "UN DESA, Local Online Service Index (LOSI) 2022: institutional framework, content, services, participation, technology",
      url: "https://publicadministration.un.org/egovkb/en-us/About/E-Government-at-Local-Level/Local-Online-Service-Index-LOSI",
    },
    {
      title:
        "Innovative Sofia (2021), ICC needs-assessment and solution workshops on e-government and citizen participation",
      url: "https://innovativesofia.bg/en/news/second-discussion-seminar-with-sofia-stakeholders-within-the-icc-project-on-the-topic-of-%d0%b5-government-and-citizen-participation/",
    },
  ],
  scale: { min: 0, max: 100 },
  aggregation: { method: "arithmetic" },
  minCoverage: 0.5,
  dimensions: [
    {
      id: "strategyGovernance",
      title: "Strategy and governance",
      description:
        "A mandate, a strategy, a budget and monitoring for digital government and participation.",
    },
    {
      id: "digitalServices",
      title: "Digital public services",
      description: "Administrative services online, end to end, designed around their users.",
    },
    {
      id: "openData",
      title: "Open data and transparency",
      description: "A data policy, published datasets in open formats, and their reuse.",
    },
    {
      id: "eParticipation",
      title: "E-participation",
      description:
        "Online participation along the UN EPI stages (e-information, e-consultation, e-decision-making) and the IAP2 spectrum.",
    },
    {
      id: "inPersonParticipation",
      title: "Inclusive in-person participation",
      description:
        "Offline ways to inform and involve residents, including those the digital channels miss.",
    },
    {
      id: "technologyInteroperability",
      title: "Technology and interoperability",
      description:
        "Core systems, integration, data exchange with national registers, and security.",
    },
    {
      id: "ecosystemSkills",
      title: "Ecosystem and skills",
      description: "Digital skills of staff and residents and the local innovation ecosystem.",
    },
  ],
  indicators: [
    // ---- strategy and governance
    {
      id: "sg.strategy",
      dimension: "strategyGovernance",
      type: "binary",
      title: "Adopted strategy",
      question:
        "Has the city council adopted a strategy (or a strategy chapter) for digital government and citizen participation?",
      rubric: yesNo(
        "Yes: a strategy with objectives for digital services and participation is adopted by the council.",
        "No: there are projects or drafts, but no adopted strategy.",
      ),
    },
    {
      id: "sg.ownership",
      dimension: "strategyGovernance",
      type: "likert",
      scale: { min: 0, max: 4 },
      title: "Ownership and mandate",
      question:
        "How clearly is responsibility for digital transformation and participation assigned?",
      rubric: [
        { answer: 0, text: "Nobody is responsible; initiatives are ad hoc." },
        { answer: 1, text: "Each department handles its own topics; no coordination." },
        { answer: 2, text: "A coordinator or unit exists, without a formal mandate." },
        { answer: 3, text: "A unit with a formal mandate coordinates across departments." },
        {
          answer: 4,
          text: "A senior officer (e.g. a chief digital officer) holds the mandate and a budget, reporting to the mayor or council.",
        },
      ],
    },
    {
      id: "sg.budget",
      dimension: "strategyGovernance",
      type: "categorical",
      title: "Dedicated budget",
      question: "How are digital and participation initiatives funded?",
      options: [
        { value: "none", text: "No dedicated funding", score: 0 },
        { value: "adHoc", text: "Project by project, as funds appear", score: 35 },
        { value: "annual", text: "An annual budget line", score: 70 },
        { value: "multiYear", text: "A multi-year budget tied to the strategy", score: 100 },
      ],
      rubric: [
        { answer: "none", text: "No money is earmarked." },
        { answer: "adHoc", text: "Initiatives depend on grants or one-off decisions." },
        { answer: "annual", text: "The yearly budget has a line for them." },
        { answer: "multiYear", text: "A multi-year budget follows the strategy's roadmap." },
      ],
    },
    {
      id: "sg.monitoring",
      dimension: "strategyGovernance",
      type: "binary",
      title: "Published monitoring",
      question:
        "Are progress indicators (KPIs) for digital services and participation published at least once a year?",
      rubric: yesNo(
        "Yes: KPIs with baselines and targets are published yearly.",
        "No: progress is not measured or not published.",
      ),
    },
    {
      id: "sg.coCreation",
      dimension: "strategyGovernance",
      type: "multiSelect",
      title: "Who shaped the strategy",
      question:
        "Which groups took part in preparing the strategy or action plan? Tick all that apply.",
      options: [
        { value: "business", text: "Businesses and their associations", weight: 1 },
        { value: "academia", text: "Universities and research", weight: 1 },
        { value: "civilSociety", text: "NGOs and civil society", weight: 1 },
        { value: "residents", text: "Residents directly (open calls, surveys)", weight: 1 },
        { value: "otherCities", text: "Peer cities (e.g. ICC peers)", weight: 1 },
      ],
      rubric: [
        {
          answer: "business",
          text: "Business representatives took part in workshops or consultations.",
        },
        { answer: "academia", text: "Universities or researchers took part." },
        { answer: "civilSociety", text: "NGOs or civil-society groups took part." },
        { answer: "residents", text: "Residents could contribute directly." },
        { answer: "otherCities", text: "Peer cities reviewed or contributed." },
      ],
    },
    // ---- digital public services
    {
      id: "ds.online",
      dimension: "digitalServices",
      type: "numeric",
      unit: "%",
      title: "Services fully online",
      question:
        "What share of the municipality's administrative services can be completed fully online (%)?",
      normalisation: { method: "goalposts", low: 0, high: 100, scale: 100 },
      rubric: [
        { answer: 0, text: "No service can be completed online." },
        { answer: 50, text: "Half of the services can be completed online." },
        { answer: 100, text: "Every service can be completed online." },
      ],
    },
    {
      id: "ds.eid",
      dimension: "digitalServices",
      type: "binary",
      title: "Electronic identification",
      question: "Can residents sign in to municipal services with a national or EU-recognised eID?",
      rubric: yesNo(
        "Yes: eID sign-in works across the municipal services.",
        "No: accounts are local or identification is in person.",
      ),
    },
    {
      id: "ds.payments",
      dimension: "digitalServices",
      type: "binary",
      title: "Online payments",
      question: "Can local taxes and fees be paid online?",
      rubric: yesNo(
        "Yes: local taxes and fees can be paid online.",
        "No: payment needs a bank or a counter.",
      ),
    },
    {
      id: "ds.userCentred",
      dimension: "digitalServices",
      type: "likert",
      scale: { min: 1, max: 5 },
      title: "User-centred design",
      question: "How far are digital services designed and tested with their users?",
      rubric: [
        { answer: 1, text: "Paper forms are put online as they are." },
        { answer: 2, text: "Some services were redesigned; users were not involved." },
        { answer: 3, text: "New services are tested with users before launch." },
        {
          answer: 4,
          text: "Services follow design standards and are tested with users, including accessibility.",
        },
        {
          answer: 5,
          text: "Services are redesigned continuously from usage data and user feedback.",
        },
      ],
    },
    {
      id: "ds.onceOnly",
      dimension: "digitalServices",
      type: "categorical",
      title: "Once-only principle",
      question: "Do residents have to provide information the administration already holds?",
      options: [
        { value: "always", text: "Yes, for most services", score: 0 },
        { value: "often", text: "For some services", score: 50 },
        { value: "rarely", text: "Rarely: data is fetched from registers", score: 100 },
      ],
      rubric: [
        { answer: "always", text: "Residents bring certificates and copies for most services." },
        { answer: "often", text: "Some services fetch data from other registers." },
        { answer: "rarely", text: "Services fetch what the administration already holds." },
      ],
    },
    // ---- open data and transparency
    {
      id: "od.policy",
      dimension: "openData",
      type: "categorical",
      title: "Open data policy",
      question: "Does the city have an open data policy?",
      options: [
        { value: "none", text: "No policy", score: 0 },
        { value: "draft", text: "A draft policy", score: 35 },
        { value: "adopted", text: "Adopted", score: 70 },
        {
          value: "implemented",
          text: "Adopted, with a data owner per department and a publication plan",
          score: 100,
        },
      ],
      rubric: [
        { answer: "none", text: "Data is published case by case, if at all." },
        { answer: "draft", text: "A policy is being drafted or consulted on." },
        { answer: "adopted", text: "The council or mayor adopted a policy." },
        {
          answer: "implemented",
          text: "The policy is applied: owners, a plan and regular publication.",
        },
      ],
    },
    {
      id: "od.datasets",
      dimension: "openData",
      type: "numeric",
      unit: "datasets",
      title: "Datasets published",
      question: "How many datasets does the city publish on an open data portal?",
      normalisation: { method: "goalposts", low: 0, high: 200, scale: 100 },
      rubric: [
        { answer: 0, text: "No datasets are published." },
        { answer: 100, text: "About a hundred datasets: the core registers are open." },
        { answer: 200, text: "Two hundred datasets or more (the upper goalpost)." },
      ],
    },
    {
      id: "od.quality",
      dimension: "openData",
      type: "multiSelect",
      title: "Formats, licences and metadata",
      question: "Which describe the city's published data? Tick all that apply.",
      options: [
        { value: "machineReadable", text: "Machine-readable formats (CSV, JSON, …)", weight: 1 },
        { value: "openLicence", text: "An open licence", weight: 1 },
        { value: "metadata", text: "Metadata for every dataset", weight: 1 },
        { value: "api", text: "APIs or real-time feeds", weight: 1 },
        { value: "pdfOnly", text: "Much of it only as PDF or scans", weight: -1 },
      ],
      rubric: [
        { answer: "machineReadable", text: "Data can be processed without retyping." },
        { answer: "openLicence", text: "Anyone may reuse the data under a stated open licence." },
        { answer: "metadata", text: "Each dataset says what it contains, when and by whom." },
        { answer: "api", text: "Data can be fetched by programs, some in real time." },
        { answer: "pdfOnly", text: "Counts against: a large part is published only as documents." },
      ],
    },
    {
      id: "od.budget",
      dimension: "openData",
      type: "binary",
      title: "Open budget",
      question: "Are the municipal budget and its execution published as open data?",
      rubric: yesNo("Yes: budget and spending are published as data.", "No, or only as documents."),
    },
    {
      id: "od.reuse",
      dimension: "openData",
      type: "likert",
      scale: { min: 0, max: 4 },
      title: "Reuse of data",
      question: "How much is the city's data reused by businesses, researchers and civil society?",
      rubric: [
        { answer: 0, text: "No known reuse." },
        { answer: 1, text: "Occasional reuse, not tracked." },
        { answer: 2, text: "Some known applications or studies use the data." },
        { answer: 3, text: "The city tracks reuse and engages reusers (e.g. hackathons)." },
        { answer: 4, text: "A community of reusers; the city publishes data on request." },
      ],
    },
    // ---- e-participation
    {
      id: "ep.epiStage",
      dimension: "eParticipation",
      type: "categorical",
      title: "Highest e-participation stage (UN EPI)",
      question: "Which is the highest UN e-participation stage the city's online channels reach?",
      options: [
        { value: "none", text: "None", score: 0 },
        { value: "eInformation", text: "E-information", score: 33 },
        { value: "eConsultation", text: "E-consultation", score: 67 },
        { value: "eDecisionMaking", text: "E-decision-making", score: 100 },
      ],
      rubric: [
        { answer: "none", text: "No participation content online." },
        {
          answer: "eInformation",
          text: "Information on policies, budgets and decisions is online.",
        },
        { answer: "eConsultation", text: "Residents are consulted online on policies or plans." },
        {
          answer: "eDecisionMaking",
          text: "Residents' online input shapes decisions (co-decision, votes).",
        },
      ],
    },
    {
      id: "ep.iap2",
      dimension: "eParticipation",
      type: "categorical",
      title: "Public influence (IAP2) in online processes",
      question:
        "Which IAP2 level best describes the public's influence in the city's online participation?",
      options: [
        { value: "inform", text: "Inform", score: 0 },
        { value: "consult", text: "Consult", score: 25 },
        { value: "involve", text: "Involve", score: 50 },
        { value: "collaborate", text: "Collaborate", score: 75 },
        { value: "empower", text: "Empower", score: 100 },
      ],
      rubric: [
        { answer: "inform", text: "The city informs; residents have no say." },
        { answer: "consult", text: "The city asks for feedback and reports back." },
        { answer: "involve", text: "Residents' concerns are reflected in the options developed." },
        { answer: "collaborate", text: "Residents help develop options and choose the solution." },
        { answer: "empower", text: "The final decision is in the public's hands." },
      ],
    },
    {
      id: "ep.budgeting",
      dimension: "eParticipation",
      type: "binary",
      title: "Online participatory budgeting",
      question: "Can residents propose and vote online on how part of the budget is spent?",
      rubric: yesNo(
        "Yes: a participatory budget runs online with real money at stake.",
        "No participatory budget online.",
      ),
    },
    {
      id: "ep.feedback",
      dimension: "eParticipation",
      type: "binary",
      title: "Feedback on consultations",
      question: "Does the city publish what it did with the input to each online consultation?",
      rubric: yesNo(
        "Yes: every consultation reports back what changed.",
        "No, or only occasionally.",
      ),
    },
    {
      id: "ep.users",
      dimension: "eParticipation",
      type: "numeric",
      unit: "registered users per 1,000 residents",
      title: "Platform reach",
      question:
        "How many residents per 1,000 are registered on the city's e-participation platform?",
      normalisation: { method: "goalposts", low: 0, high: 50, scale: 100 },
      rubric: [
        { answer: 0, text: "No platform or no registered users." },
        { answer: 25, text: "About one resident in forty is registered." },
        { answer: 50, text: "One in twenty or more (the upper goalpost)." },
      ],
    },
    // ---- inclusive in-person participation
    {
      id: "ip.forums",
      dimension: "inPersonParticipation",
      type: "likert",
      scale: { min: 0, max: 4 },
      title: "In-person forums",
      question:
        "How regularly does the city hold in-person forums (district meetings, hearings, assemblies)?",
      rubric: [
        { answer: 0, text: "Only the legally required hearings." },
        { answer: 1, text: "Occasionally, on a few large projects." },
        { answer: 2, text: "Regularly in some districts." },
        { answer: 3, text: "Regularly in every district, with published minutes." },
        {
          answer: 4,
          text: "A standing programme, including deliberative formats (e.g. citizens' assemblies).",
        },
      ],
    },
    {
      id: "ip.outreach",
      dimension: "inPersonParticipation",
      type: "multiSelect",
      title: "Targeted outreach",
      question: "Which groups does the city reach with targeted outreach? Tick all that apply.",
      options: [
        { value: "older", text: "Older residents", weight: 1 },
        { value: "disability", text: "People with disabilities", weight: 1 },
        { value: "minorities", text: "Ethnic and linguistic minorities", weight: 1 },
        { value: "youth", text: "Young people", weight: 1 },
        { value: "lowIncome", text: "Low-income households", weight: 1 },
      ],
      rubric: [
        { answer: "older", text: "Formats and places suited to older residents." },
        { answer: "disability", text: "Accessible venues and materials." },
        { answer: "minorities", text: "Materials and facilitation in minority languages." },
        { answer: "youth", text: "Schools, youth councils or youth-specific formats." },
        { answer: "lowIncome", text: "Outreach in the neighbourhoods and times that suit them." },
      ],
    },
    {
      id: "ip.helpPoints",
      dimension: "inPersonParticipation",
      type: "binary",
      title: "Assisted digital help points",
      question:
        "Are there physical help points where staff assist residents with digital services?",
      rubric: yesNo(
        "Yes: help points with staff exist in most districts.",
        "No assisted digital help.",
      ),
    },
    {
      id: "ip.quality",
      dimension: "inPersonParticipation",
      type: "ratingGrid",
      title: "Quality of in-person processes",
      question:
        "Rate the city's in-person participation processes on each aspect (1 poor … 5 excellent).",
      scale: { min: 1, max: 5 },
      rows: [
        { id: "accessibility", text: "Accessible venues and times" },
        { id: "information", text: "Clear information before the meeting" },
        { id: "facilitation", text: "Neutral, skilled facilitation" },
        { id: "followUp", text: "Follow-up: what happened to the input" },
      ],
      rubric: [
        { answer: 1, text: "Poor: the aspect is neglected." },
        { answer: 2, text: "Weak: done sometimes, without standards." },
        { answer: 3, text: "Adequate: usually done." },
        { answer: 4, text: "Good: done by standard, with few exceptions." },
        { answer: 5, text: "Excellent: always done, and improved from feedback." },
      ],
    },
    // ---- technology and interoperability
    {
      id: "ti.registers",
      dimension: "technologyInteroperability",
      type: "categorical",
      title: "Exchange with national registers",
      question: "How do municipal systems exchange data with national registers?",
      options: [
        { value: "none", text: "No exchange", score: 0 },
        { value: "manual", text: "Manual requests or file transfers", score: 30 },
        { value: "partial", text: "Automated for some registers", score: 65 },
        {
          value: "full",
          text: "Automated through the national interoperability layer",
          score: 100,
        },
      ],
      rubric: [
        { answer: "none", text: "Municipal systems do not exchange data with national registers." },
        { answer: "manual", text: "Staff request data by letter, e-mail or file." },
        { answer: "partial", text: "Some registers are queried automatically." },
        {
          answer: "full",
          text: "All relevant registers are queried through the interoperability layer.",
        },
      ],
    },
    {
      id: "ti.systems",
      dimension: "technologyInteroperability",
      type: "ratingGrid",
      title: "Core systems",
      question: "Rate the maturity of each core system (0 none … 5 integrated and cloud-ready).",
      scale: { min: 0, max: 5 },
      rows: [
        { id: "documents", text: "Electronic document management" },
        { id: "gis", text: "Geographic information system" },
        { id: "crm", text: "Case and contact management" },
        { id: "identity", text: "Identity and access management" },
      ],
      rubric: [
        { answer: 0, text: "None: the system does not exist." },
        { answer: 1, text: "Isolated: used in one department." },
        { answer: 2, text: "Shared: used by several departments, not integrated." },
        { answer: 3, text: "Integrated with some other systems." },
        { answer: 4, text: "Integrated through APIs across the administration." },
        { answer: 5, text: "Integrated, documented and ready for cloud and reuse." },
      ],
    },
    {
      id: "ti.apis",
      dimension: "technologyInteroperability",
      type: "binary",
      title: "Integration platform",
      question: "Does the city run an API layer or integration platform that connects its systems?",
      rubric: yesNo(
        "Yes: systems exchange data through documented APIs.",
        "No: systems are connected point to point or not at all.",
      ),
    },
    {
      id: "ti.security",
      dimension: "technologyInteroperability",
      type: "likert",
      scale: { min: 1, max: 5 },
      title: "Security and data protection",
      question: "How mature are the city's cybersecurity and data-protection practices?",
      rubric: [
        { answer: 1, text: "No policy; incidents are handled as they come." },
        { answer: 2, text: "A policy exists; little training or testing." },
        { answer: 3, text: "A data protection officer, staff training and an incident procedure." },
        { answer: 4, text: "Regular risk assessments and security tests." },
        { answer: 5, text: "Certified or audited management system, continuously improved." },
      ],
    },
    // ---- ecosystem and skills
    {
      id: "es.staffSkills",
      dimension: "ecosystemSkills",
      type: "numeric",
      unit: "%",
      title: "Staff trained in digital skills",
      question:
        "What share of municipal staff received digital-skills training in the last two years (%)?",
      normalisation: { method: "goalposts", low: 0, high: 80, scale: 100 },
      rubric: [
        { answer: 0, text: "No training." },
        { answer: 40, text: "Two staff in five were trained." },
        { answer: 80, text: "Four in five or more (the upper goalpost)." },
      ],
    },
    {
      id: "es.partners",
      dimension: "ecosystemSkills",
      type: "multiSelect",
      title: "Innovation ecosystem",
      question:
        "Which partners work with the city on digital and participation projects? Tick all that apply.",
      options: [
        { value: "universities", text: "Universities", weight: 1 },
        { value: "clusters", text: "Business clusters and associations", weight: 1 },
        { value: "startups", text: "Start-ups and SMEs", weight: 1 },
        { value: "ngos", text: "NGOs and civic-tech groups", weight: 1 },
        { value: "otherCities", text: "Other cities (networks, twinning)", weight: 1 },
      ],
      rubric: [
        { answer: "universities", text: "Joint projects or studies with universities." },
        { answer: "clusters", text: "Clusters or associations co-design or co-fund projects." },
        { answer: "startups", text: "Start-ups or SMEs pilot or supply solutions." },
        { answer: "ngos", text: "NGOs or civic-tech groups build or run tools." },
        { answer: "otherCities", text: "Projects with other cities." },
      ],
    },
    {
      id: "es.openInnovation",
      dimension: "ecosystemSkills",
      type: "binary",
      title: "Open innovation instruments",
      question:
        "Does the city use open innovation instruments (challenges, hackathons, living labs, innovation procurement)?",
      rubric: yesNo("Yes: at least one instrument ran in the last two years.", "No."),
    },
    {
      id: "es.residentSkills",
      dimension: "ecosystemSkills",
      type: "likert",
      scale: { min: 0, max: 4 },
      title: "Digital literacy for residents",
      question: "How developed are the city's digital-literacy programmes for residents?",
      rubric: [
        { answer: 0, text: "None." },
        { answer: 1, text: "Occasional courses by partners." },
        { answer: 2, text: "A regular programme in a few places (libraries, community centres)." },
        { answer: 3, text: "A city-wide programme with targets for groups at risk of exclusion." },
        {
          answer: 4,
          text: "A city-wide programme, monitored, with results feeding service design.",
        },
      ],
    },
  ],
  levels: [
    {
      id: "initial",
      title: "Initial",
      min: 0,
      max: 20,
      rubric:
        "Ad hoc: few services online, participation limited to legal minimums, no strategy or owner.",
    },
    {
      id: "emerging",
      title: "Emerging",
      min: 20,
      max: 40,
      rubric:
        "First projects and information online; responsibilities and funding are not yet settled.",
    },
    {
      id: "established",
      title: "Established",
      min: 40,
      max: 60,
      rubric:
        "A strategy and an owner; core services and data online; residents are consulted and get feedback.",
    },
    {
      id: "advanced",
      title: "Advanced",
      min: 60,
      max: 80,
      rubric:
        "Integrated services and data, online and in-person participation that shapes decisions, monitored with KPIs.",
    },
    {
      id: "leading",
      title: "Leading",
      min: 80,
      max: 100,
      rubric:
        "Residents co-decide; services and data are open, integrated and improved continuously with the ecosystem.",
    },
  ],
  notes:
    "Designed by the icc-assessment project (provenance: designed). Weights are equal; change them in a copy of this framework if your city's priorities differ, and give it a new id or version.",
  translations: [iccCitizenParticipationBg],
};
