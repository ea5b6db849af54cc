//! Rule: the option choices of every product and opening satisfy the catalog's rules.

use super::{ConstraintRule, Violation};
use crate::domain::measured::{OpeningPlacement, PlanContext, ProductPlacement};
use crate::domain::values::ids::ElementId;
use crate::domain::values::message::Message;

pub(super) fn check(context: &PlanContext) -> Vec<Violation> {
    let products = context.products.iter().filter_map(product_violation);
    let openings = context
        .structure
        .openings
        .iter()
        .filter_map(opening_violation);
    products.chain(openings).collect()
}

/// The violation of a product whose explicit choices break catalog rules.
pub(super) fn product_violation(placement: &ProductPlacement) -> Option<Violation> {
    (!placement.configuration_conflicts.is_empty()).then(|| Violation {
        rule: ConstraintRule::ConfigurationValid,
        elements: vec![ElementId::Product(placement.id.clone())],
        amount_mm: None,
        message: message(placement.element(), &placement.configuration_conflicts),
    })
}

/// The violation of an opening whose explicit choices break catalog rules.
pub(super) fn opening_violation(opening: &OpeningPlacement) -> Option<Violation> {
    (!opening.configuration_conflicts.is_empty()).then(|| Violation {
        rule: ConstraintRule::ConfigurationValid,
        elements: vec![ElementId::Opening(opening.id.clone())],
        amount_mm: None,
        message: message(opening.element(), &opening.configuration_conflicts),
    })
}

fn message(element: ElementId, conflicts: &[String]) -> Message {
    Message::new().element(element).text(format!(
        " cannot be made as configured: {}",
        conflicts.join("; ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::{
        Condition, OptionDef, OptionDomain, OptionValue, RangeSpec, RangeUnit, Rule,
    };
    use crate::domain::constraints::test_support::{catalogs, placed, room};
    use crate::domain::values::ids::OptionId;
    use rust_decimal::Decimal;

    #[test]
    fn choices_within_the_rules_pass_and_choices_against_them_are_reported() {
        let mut catalogs = catalogs();
        let cabinet = &mut catalogs.catalogs[0].products[0];
        cabinet.options.push(OptionDef {
            visible_when: None,
            id: OptionId::from("width"),
            label: "Width".into(),
            domain: OptionDomain::Range(RangeSpec {
                min: 600,
                max: 1200,
                step: 300,
                unit: RangeUnit::Mm,
                price_per_step: Decimal::ZERO,
                price_per_unit: Decimal::ZERO,
            }),
            default: OptionValue::Number(600),
        });
        cabinet.rules.push(Rule::Excludes {
            when: Condition::AtLeast(OptionId::from("width"), 1200),
            then: Condition::AtLeast(OptionId::from("width"), 1200),
            message: "1200 mm is out of production".into(),
        });
        let mut layout = room();
        let mut fine = placed("p1", "cabinet", (2500, 2000), 0.0);
        fine.options
            .insert(OptionId::from("width"), OptionValue::Number(900));
        layout.products.push(fine);
        assert!(check(&PlanContext::new(&layout, &catalogs)).is_empty());

        layout.products[0]
            .options
            .insert(OptionId::from("width"), OptionValue::Number(1200));
        let found = check(&PlanContext::new(&layout, &catalogs));
        assert_eq!(found.len(), 1);
        assert!(found[0].message.mentions("out of production"));
    }
}
