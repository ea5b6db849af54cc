//! Everything a quote document shows, gathered from the layout, its catalogs and the dealer:
//! number, dates, parties, the priced quote, price lists, the plan and any violations.

use crate::domain::catalog::CatalogSet;
use crate::domain::constraints::{Violation, check_context};
use crate::domain::drawing::names::Names;
use crate::domain::drawing::plan_drawing::{PlanDrawing, plan_drawing};
use crate::domain::layout::{Customer, Layout, QuoteInfo};
use crate::domain::measured::PlanContext;
use crate::domain::pricing::dealer::Dealer;
use crate::domain::pricing::quote::{Quote, QuoteError, quote_for_layout};
use crate::domain::values::date::IsoDate;
use crate::domain::values::ids::ProductInstanceId;
use crate::domain::values::length_units::LengthUnit;
use std::collections::BTreeMap;

/// A price list a quote was priced from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceList {
    /// Catalog name.
    pub name: String,
    /// Catalog version.
    pub version: String,
    /// The day the price list took effect, when the catalog says.
    pub date: Option<IsoDate>,
}

/// A quote ready to be written as a document.
#[derive(Debug, Clone)]
pub struct QuoteDocument {
    /// Quote number.
    pub reference: String,
    /// Date of issue.
    pub issue_date: IsoDate,
    /// Last day the quote is valid.
    pub valid_until: IsoDate,
    /// Days the quote is valid.
    pub valid_days: u32,
    /// Who sends it.
    pub dealer: Dealer,
    /// Who it is for.
    pub customer: Customer,
    /// Lines, totals and bill of materials.
    pub quote: Quote,
    /// Catalogs the products come from, in the layout's order.
    pub price_lists: Vec<PriceList>,
    /// The top-down plan.
    pub plan: PlanDrawing,
    /// Constraint violations of the layout (empty when it is fine).
    pub violations: Vec<Violation>,
    /// The names the violations' messages give the layout's elements.
    pub names: Names,
}

impl QuoteDocument {
    /// Each violation's message as the document prints it: elements by name, lengths in
    /// millimetres (the dealer's unit for order documents).
    #[must_use]
    pub fn violation_messages(&self) -> Vec<String> {
        self.violations
            .iter()
            .map(|violation| {
                self.names
                    .message(&violation.message, LengthUnit::Millimetres)
            })
            .collect()
    }
}

/// Builds the document for a layout: prices it, checks it and draws its plan.
///
/// The issue date replaces the layout's quote date, so validity counts from it.
///
/// # Errors
/// Those of [`quote_for_layout`].
pub fn quote_document(
    layout: &Layout,
    catalogs: &CatalogSet,
    dealer: &Dealer,
    reference: &str,
    issue_date: IsoDate,
) -> Result<QuoteDocument, QuoteError> {
    let quote = quote_for_layout(layout, catalogs)?;
    let context = PlanContext::new(layout, catalogs);
    let violations = check_context(&context);
    let positions: BTreeMap<ProductInstanceId, usize> = quote
        .lines
        .iter()
        .flat_map(|line| {
            line.instances
                .iter()
                .map(move |instance| (instance.clone(), line.position))
        })
        .collect();
    let plan = plan_drawing(layout, &context, &positions);
    let price_lists = layout
        .catalogs
        .iter()
        .filter_map(|reference| catalogs.catalog(&reference.id))
        .map(|catalog| PriceList {
            name: catalog.name.clone(),
            version: catalog.version.clone(),
            date: catalog.price_date,
        })
        .collect();
    let validity = QuoteInfo {
        date: issue_date,
        ..layout.quote.clone()
    };
    Ok(QuoteDocument {
        reference: reference.to_owned(),
        issue_date,
        valid_until: validity.valid_until(),
        valid_days: layout.quote.valid_days,
        dealer: dealer.clone(),
        customer: layout.customer.clone(),
        quote,
        price_lists,
        names: Names::new(layout, catalogs, &context.structure),
        plan,
        violations,
    })
}
