/// The customer's copy in Spanish: usted throughout, "plan de carrera",
/// "su asesor(a) de carrera", the law's name as the U.S. Department of
/// Labor's Spanish pages give it. docs/spanish.md lists the terms and why.
extension CopyWords {
    static let spanish = CopyWords(
        language: .spanish,
        title: "Su plan de carrera",
        planName: { $0 ? "Estrategia de Servicios Individual (ISS)" : "Plan de Empleo Individual (IEP)" },
        law: { p in
            let program = switch p {
            case .adult?: "programa para adultos"
            case .dislocatedWorker?: "programa para trabajadores desplazados"
            case .youth?: "programa para jóvenes"
            case nil: "programa"
            }
            return "Ley de Innovación y Oportunidades de la Fuerza Laboral (WIOA), \(program)"
        },
        forCustomer: { "Para: \($0), número de cliente \($1)" },
        versionPrinted: { "Versión \($0) del plan, impresa el \($1)" },
        planner: { "Su asesor(a) de carrera: \($0)" + ($1.isEmpty ? "" : " (\($1))") },
        inTouchBy: { "Su asesor(a) de carrera se comunicará con usted a más tardar el \($0)." },
        signedPlan: "Esta es una copia de su plan FIRMADO.",
        unsignedPlan: "Este plan no es definitivo hasta que lo firmen todas las personas indicadas en «Firmas».",
        goal: { "Meta \($0): \($1)" },
        timeFrame: { h in
            let frame = switch h {
            case .immediate: "de inmediato (unos 90 días)"
            case .oneYear: "1 año"
            case .fiveYear: "5 años"
            case .tenYear: "10 años"
            }
            return "Plazo: " + frame
        },
        reachBy: { "lograrla a más tardar el \($0)" },
        goalStatus: { s in
            switch s {
            case .open: "en curso"
            case .achieved: "lograda"
            case .notAchieved: "no lograda"
            case .withdrawn: "suspendida"
            }
        },
        stepStatus: { s in
            switch s {
            case .open: "en curso"
            case .achieved: "cumplido"
            case .notAchieved: "no cumplido"
            case .withdrawn: "suspendido"
            }
        },
        whyGoal: "Por qué esta meta",
        step: { "Paso \($0): \($1)" },
        stepBy: { "a más tardar el \($0)" },
        service: "Servicio",
        providedBy: "Quién lo ofrece",
        provider: { kind, partner in
            switch kind {
            case .inHouse: "su centro de empleo"
            case .partner: partner ?? "una organización colaboradora"
            case .selfAccessed: "usted, por su cuenta"
            }
        },
        when: "Cuándo",
        dates: { s, e in
            switch (s, e) {
            case let (s?, e?): "del \(s) al \(e)"
            case let (s?, nil): "a partir del \(s)"
            case let (nil, e?): "hasta el \(e)"
            case (nil, nil): "fechas por definir"
            }
        },
        hoursAWeek: { $1 ? "alrededor de 1 hora por semana" : "unas \($0) horas por semana" },
        status: "Estado",
        serviceStatus: { s in
            switch s {
            case .notStarted: "todavía no empieza"
            case .open: "en curso"
            case .complete: "terminado"
            case .didNotComplete: "no terminado"
            }
        },
        credential: "credencial",
        noGoals: "Todavía no se han escrito metas.",
        pathwayHeading: "Su trayectoria profesional",
        leadsTo: "Hacia dónde lleva",
        occupationCode: "código de ocupación",
        industry: "Industria",
        industryCode: "código de industria",
        credentialsAlong: "Credenciales en el camino",
        pathwayNotWritten: "Todavía no está escrita: usted y su asesor(a) de carrera la elegirán juntos.",
        elementsHeading: "Los catorce servicios del programa para jóvenes, y los suyos",
        element: { decision, on, until, by, note in
            switch decision {
            case .provided?: "recibe este servicio desde el \(on ?? "")" + (until.map { " hasta el \($0)" } ?? "") + (by.map { " (\($0))" } ?? "")
            case .considered?: "hablamos de esto el \(on ?? "")" + (by.map { "; previsto: \($0)" } ?? "")
            case .notNeeded?: "no hace falta por ahora" + (note.map { " (\($0))" } ?? "")
            case nil: "todavía no hemos hablado de esto"
            }
        },
        elementName: { spanishElements[$0] ?? "Elemento \($0)" },
        barriersHeading: "Lo que podría dificultar su camino, y cómo lo vamos a resolver",
        barrierName: { spanishBarriers[$0] },
        ourPlan: "Nuestro plan",
        servicesThatHelp: "Servicios de su plan que ayudan",
        stepsThatHelp: "Pasos de su plan para esto",
        noServiceYet: "Todavía ningún servicio de su plan ayuda con esto. Buscaremos uno juntos en nuestra próxima reunión.",
        signaturesHeading: "Firmas",
        role: { r in
            switch r {
            case .customer: "Cliente"
            case .planner: "Asesor(a) de carrera"
            case .guardian: "Padre, madre o tutor(a)"
            }
        },
        signedBy: { "\($0), firmó el \($1) \($2)" },
        method: { m, returned in
            switch m {
            case .terminal: "en pantalla, en el centro de empleo"
            case .phone: "por teléfono, con su asesor(a) de carrera como testigo"
            case .paper: "en una copia impresa devuelta el \(returned)"
            }
        },
        notSignedYet: "todavía sin firmar",
        sentToGuardian: { "enviado a \($0) (\($1)) el \($2), todavía sin firmar" },
        signAgain: { "\($0) firmó el \($1), pero el plan cambió" + ($2.map { " el \($0)" } ?? "") + ": por favor firme de nuevo" },
        signHere: "Para firmar esta copia a mano",
        date: "Fecha",
        attestation: { role, customer in
            switch role {
            case .customer: "Participé en la elaboración de este plan de carrera, lo entiendo y me comprometo a trabajar para lograr sus metas."
            case .planner: "Elaboré este plan con \(customer) y ofreceré o coordinaré los servicios que contiene."
            case .guardian: "Soy el padre, la madre o el/la tutor(a) de \(customer); he leído este plan y estoy de acuerdo con él."
            }
        },
        keepThisCopy: "Guarde esta copia. Llame a su asesor(a) de carrera si tiene preguntas o si algo cambia.",
        page: ("página", "de"),
        acronyms: spanishAcronyms)

    static let spanishBarriers: [String: String] = [
        "homeless": "Encontrar un lugar estable donde vivir",
        "ex-offender": "Antecedentes de arresto o condena",
        "english-learner": "Aprender inglés",
        "basic-skills-deficient": "Lectura, escritura o matemáticas",
        "single-parent": "Criar a sus hijos sin pareja",
        "displaced-homemaker": "Volver a trabajar después de años dedicados a su familia",
        "disability": "Una condición de salud o discapacidad",
        "foster-care": "La salida del sistema de cuidado temporal (foster care)",
        "long-term-unemployed": "Llevar mucho tiempo sin trabajo",
        "cultural": "Acostumbrarse a cómo se trabaja aquí",
        "farmworker": "Mudarse con el trabajo agrícola de temporada",
        "transportation": "Cómo llegar al trabajo o a la capacitación",
        "child-care": "Cuidado de niños",
        "housing": "Vivienda",
        "work-clothing": "Ropa y herramientas de trabajo",
        "health": "Salud o necesidades médicas",
        "legal": "Asuntos legales",
        "digital": "No tener computadora o internet en casa",
        "financial": "Dinero para vivir mientras se prepara para trabajar",
    ]

    static let spanishElements: [Int: String] = [
        1: "Tutoría, técnicas de estudio y prevención del abandono escolar",
        2: "Escuela secundaria alternativa o servicios para retomar los estudios",
        3: "Experiencia laboral pagada y no pagada",
        4: "Capacitación en habilidades ocupacionales",
        5: "Educación junto con preparación para el trabajo",
        6: "Desarrollo de liderazgo",
        7: "Servicios de apoyo",
        8: "Mentoría con un adulto",
        9: "Servicios de seguimiento",
        10: "Orientación y consejería integral",
        11: "Educación financiera",
        12: "Capacitación para emprender un negocio",
        13: "Información sobre el mercado laboral y el empleo",
        14: "Preparación y transición a la educación y capacitación postsecundaria",
    ]

    /// The legend's acronyms spelled out in Spanish; the letters stay the
    /// English ones, as the forms and offices use them.
    static let spanishAcronyms: [(acronym: String, meaning: String)] = Acronyms.legend.map { entry in
        let meaning: String? = switch entry.acronym {
        case "WIOA": "Ley de Innovación y Oportunidades de la Fuerza Laboral"
        case "IEP": "Plan de Empleo Individual"
        case "ISS": "Estrategia de Servicios Individual"
        case "GSA": "Evaluación Inicial (Getting Started Assessment)"
        case "OJT": "capacitación en el empleo"
        case "GED", "HSE": "examen de equivalencia de la escuela secundaria"
        case "CDL": "licencia de conducir comercial"
        case "CNA": "auxiliar de enfermería certificado"
        case "SNAP": "Programa de Asistencia Nutricional Suplementaria"
        case "TANF": "Asistencia Temporal para Familias Necesitadas"
        case "ESL": "inglés como segundo idioma"
        case "ABE": "educación básica para adultos"
        case "LMI": "información sobre el mercado laboral"
        case "IT": "tecnología de la información"
        case "SSN": "número de Seguro Social"
        case "ITA": "Cuenta Individual de Capacitación"
        default: nil
        }
        return (entry.acronym, meaning ?? entry.meaning)
    }
}
