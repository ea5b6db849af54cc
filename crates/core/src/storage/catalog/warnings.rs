//! Warnings about a catalog that loads: option values no valid product can contain, rules that
//! never fire or can never be met, and range limits in conditions that lie outside their range
//! or off its step. Each names the file, line and column; none stops the catalog from loading.

use crate::domain::catalog::configuration::{ConfigurationEngine, RuleFinding};
use crate::domain::catalog::{Catalog, Condition, OptionDomain, OptionValue, Product, Rule};
use crate::storage::error::FileProblem;
use crate::storage::locate::{Needle, SourceText};
use std::path::Path;

/// Every warning about a validated catalog read from `text`, in product order.
#[must_use]
pub fn catalog_warnings(path: &Path, text: &str, catalog: &Catalog) -> Vec<FileProblem> {
    let source = SourceText::new(text);
    let mut warnings = Vec::new();
    for product in &catalog.products {
        let mut warn = |place: &[(Needle<'_>, usize)], message: String| {
            let (line, column) = source.locate(place);
            warnings.push(FileProblem {
                path: path.to_owned(),
                line,
                column,
                message: format!("warning: {message}"),
            });
        };
        product_warnings(product, &mut warn);
    }
    warnings
}

/// Reports one warning at a place in the file.
type Warn<'w> = dyn FnMut(&[(Needle<'_>, usize)], String) + 'w;

fn product_warnings(product: &Product, warn: &mut Warn<'_>) {
    let anchor = (Needle::KeyValue("id", product.id.as_str()), 0);
    let rule_place = |index: usize| {
        vec![
            anchor,
            (Needle::Key("rules"), 0),
            (Needle::Key("message"), index),
        ]
    };
    for (index, rule) in product.rules.iter().enumerate() {
        if let Rule::Requires { when, then, .. } | Rule::Excludes { when, then, .. } = rule {
            for condition in [when, then] {
                if let Some(problem) = limit_problem(product, condition) {
                    warn(&rule_place(index), problem);
                }
            }
        }
    }
    let engine = ConfigurationEngine::new(product);
    let diagnostics = match engine.diagnostics() {
        Ok(diagnostics) => diagnostics,
        Err(error) => {
            warn(
                &[anchor],
                format!("product `{}` could not be analysed: {error}", product.id),
            );
            return;
        }
    };
    let message = |rule: usize| {
        product
            .rules
            .get(rule)
            .map_or_else(String::new, |rule| rule.message().to_owned())
    };
    for finding in &diagnostics.rules {
        let (rule, text) = match *finding {
            RuleFinding::NeverFires {
                rule,
                for_any_value: true,
            } => (
                rule,
                "never fires: its `when` holds for no value of its option",
            ),
            RuleFinding::NeverFires {
                rule,
                for_any_value: false,
            } => (
                rule,
                "never fires: other rules already rule out its `when` in every valid product",
            ),
            RuleFinding::NeverMet {
                rule,
                for_any_value: true,
            } => (
                rule,
                "can never be met: what it requires holds for no value of its option, so its `when` is never possible",
            ),
            RuleFinding::NeverMet {
                rule,
                for_any_value: false,
            } => (
                rule,
                "can never be met in a valid product, so its `when` is never possible",
            ),
        };
        warn(
            &rule_place(rule),
            format!(
                "rule \"{}\" of product `{}` {text}",
                message(rule),
                product.id
            ),
        );
    }
    // Unreachable values of one option with the same reasons are reported together.
    let mut index = 0;
    let unreachable = &diagnostics.unreachable;
    while index < unreachable.len() {
        let first = &unreachable[index];
        let mut end = index + 1;
        while end < unreachable.len()
            && unreachable[end].option == first.option
            && unreachable[end].rules == first.rules
        {
            end += 1;
        }
        let values: Vec<&OptionValue> = unreachable[index..end].iter().map(|u| &u.value).collect();
        let Some(def) = product.option(&first.option) else {
            index = end;
            continue;
        };
        let reasons: Vec<String> = first.rules.iter().map(|rule| message(*rule)).collect();
        let shown = match (values.first(), values.last(), &def.domain) {
            (Some(low), Some(high), OptionDomain::Range(_)) if values.len() > 2 => format!(
                "{} to {} ({} values)",
                def.label_of(low),
                def.label_of(high),
                values.len()
            ),
            _ => values
                .iter()
                .map(|value| def.label_of(value))
                .collect::<Vec<_>>()
                .join(", "),
        };
        let mut place = vec![
            anchor,
            (Needle::Key("options"), 0),
            (Needle::KeyValue("id", first.option.as_str()), 0),
        ];
        if let (OptionDomain::Choice(_), Some(OptionValue::Choice(value))) =
            (&def.domain, values.first())
        {
            place.push((Needle::KeyValue("id", value.as_str()), 0));
        }
        warn(
            &place,
            format!(
                "{} {} of product `{}` can never be chosen: {}",
                def.label,
                shown,
                product.id,
                reasons.join("; ")
            ),
        );
        index = end;
    }
}

/// A range limit outside the option's range or off its step.
fn limit_problem(product: &Product, condition: &Condition) -> Option<String> {
    let (option, limit, at_least) = match condition {
        Condition::AtLeast(option, limit) => (option, *limit, true),
        Condition::AtMost(option, limit) => (option, *limit, false),
        Condition::Is(..) | Condition::OneOf(..) | Condition::Expr(_) => return None,
    };
    let def = product.option(option)?;
    let OptionDomain::Range(range) = &def.domain else {
        return None;
    };
    let name = if at_least { "AtLeast" } else { "AtMost" };
    if limit < range.min || limit > range.max {
        let always = (limit < range.min) == at_least;
        return Some(format!(
            "{name}(\"{option}\", {limit}) lies outside `{option}`'s range {} to {}, so it is always {}",
            range.min,
            range.max,
            if always { "true" } else { "false" }
        ));
    }
    let off = limit
        .checked_sub(range.min)
        .and_then(|above| above.checked_rem(range.step))
        .is_some_and(|rest| rest != 0);
    off.then(|| {
        format!(
            "{name}(\"{option}\", {limit}) is not on `{option}`'s steps ({} to {} in steps of {})",
            range.min, range.max, range.step
        )
    })
}

#[cfg(test)]
mod tests {
    use crate::domain::catalog::Configuration;
    use crate::domain::catalog::configuration::ConfigurationEngine;
    use crate::storage::catalog::{catalog_warnings, parse_catalog};
    use std::path::Path;

    /// The made-to-measure cabinet of the solver issue: three 500-value ranges; widths up to
    /// 595 mm need a depth below the range, so they are impossible, yet the defaults are fine.
    const CABINET: &str = r#"Catalog(
    id: "t", name: "T", version: "1", currency: "EUR", vat_percent: 19,
    products: [Product(
        id: "cabinet", name: "Cabinet", category: "Storage", kind: Floor,
        width: Option("width"), depth: Option("depth"), height: Option("height"),
        appearance: Shape(shape: Cabinet),
        options: [
            Range(id: "width", label: "Width", min: 300, max: 2795, step: 5, default: 800),
            Range(id: "height", label: "Height", min: 300, max: 2795, step: 5, default: 900),
            Range(id: "depth", label: "Depth", min: 300, max: 2795, step: 5, default: 400),
        ],
        rules: [
            Requires(when: AtMost("width", 595), then: AtMost("depth", 299), message: "Narrow cabinets need a shallow carcass"),
            Requires(when: AtLeast("height", 2000), then: AtLeast("depth", 502), message: "Tall cabinets need 500 mm depth"),
        ],
        base_price: 300,
    )],
)"#;

    #[test]
    fn a_made_to_measure_cabinet_loads_answers_and_is_warned_about() {
        let catalog = parse_catalog(Path::new("cabinet.ron"), CABINET).expect("loads");
        let product = &catalog.products[0];
        let engine = ConfigurationEngine::new(product);
        let states = engine
            .option_states(&Configuration::new())
            .expect("answers");
        assert_eq!(states[0].offered.len(), 500 - 60);
        assert_eq!(states[0].blocked.len(), 60);
        assert_eq!(
            states[0].blocked[0].messages,
            vec!["Narrow cabinets need a shallow carcass".to_owned()]
        );
        assert_eq!(states[1].offered.len(), 500);
        assert_eq!(states[2].offered.len(), 500);

        let warnings: Vec<String> = catalog_warnings(Path::new("cabinet.ron"), CABINET, &catalog)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(warnings.len(), 4, "{warnings:#?}");
        // The depth limit below the range, the off-step 502, the rule never met, the widths.
        assert!(
            warnings[0].starts_with("cabinet.ron:13:"),
            "{}",
            warnings[0]
        );
        assert!(warnings[0].contains(
            "AtMost(\"depth\", 299) lies outside `depth`'s range 300 to 2795, so it is always false"
        ));
        assert!(
            warnings[1].starts_with("cabinet.ron:14:"),
            "{}",
            warnings[1]
        );
        assert!(warnings[1].contains("is not on `depth`'s steps"));
        assert!(warnings[2].contains("can never be met: what it requires holds for no value"));
        assert!(
            warnings[3].starts_with("cabinet.ron:8:19:"),
            "{}",
            warnings[3]
        );
        assert!(warnings[3].contains(
            "Width 300 mm to 595 mm (60 values) of product `cabinet` can never be chosen: Narrow cabinets need a shallow carcass"
        ));
    }

    #[test]
    fn rules_that_never_fire_are_warned_about() {
        let text = CABINET
            .replace("AtMost(\"width\", 595)", "AtLeast(\"width\", 5000)")
            .replace(
                "AtLeast(\"height\", 2000), then: AtLeast(\"depth\", 502)",
                "AtLeast(\"height\", 2000), then: AtLeast(\"depth\", 500)",
            );
        let catalog = parse_catalog(Path::new("cabinet.ron"), &text).expect("loads");
        let warnings: Vec<String> = catalog_warnings(Path::new("cabinet.ron"), &text, &catalog)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(
            warnings
                .iter()
                .any(|w| w
                    .contains("lies outside `width`'s range 300 to 2795, so it is always false")),
            "{warnings:#?}"
        );
        assert!(
            warnings.iter().any(|w| w.contains(
                "rule \"Narrow cabinets need a shallow carcass\" of product `cabinet` never fires: its `when` holds for no value"
            )),
            "{warnings:#?}"
        );
        assert!(
            !warnings.iter().any(|w| w.contains("can never be chosen")),
            "{warnings:#?}"
        );
    }
}
