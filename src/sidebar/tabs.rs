//! The sidebar's tabs: Catalog, Room, Selection, Issues and Quote, each scrolling on its own,
//! so nothing important starts out of view. Selecting something in the view shows its tab.

use bevy_egui::egui;

/// One tab of the sidebar.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SidebarTab {
    /// Products to add.
    #[default]
    Catalog,
    /// Walls, rooms and the wall tool.
    Room,
    /// What is selected: its options, size and price.
    Selection,
    /// Rules the layout breaks.
    Issues,
    /// The quote, customer details and exports.
    Quote,
}

/// What the tab bar shows besides the names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TabCounts {
    /// Rules broken (shown on the Issues tab, in red when any).
    pub issues: usize,
    /// Something is selected.
    pub selected: bool,
}

/// The tab bar; returns the tab clicked, if any.
pub fn tab_bar_ui(ui: &mut egui::Ui, current: SidebarTab, counts: TabCounts) -> Option<SidebarTab> {
    let mut clicked = None;
    ui.horizontal_wrapped(|ui| {
        let issues = if counts.issues == 0 {
            egui::RichText::new("Issues")
        } else {
            egui::RichText::new(format!("Issues ({})", counts.issues))
                .color(crate::theme::ui::ERROR)
        };
        let selection = if counts.selected {
            egui::RichText::new("Selection")
        } else {
            egui::RichText::new("Selection").weak()
        };
        for (tab, label) in [
            (SidebarTab::Catalog, egui::RichText::new("Catalog")),
            (SidebarTab::Room, egui::RichText::new("Room")),
            (SidebarTab::Selection, selection),
            (SidebarTab::Issues, issues),
            (SidebarTab::Quote, egui::RichText::new("Quote")),
        ] {
            if ui
                .selectable_label(current == tab, label.size(15.0))
                .clicked()
            {
                clicked = Some(tab);
            }
        }
    });
    clicked
}

/// The tab to show after the selection changed: a new selection shows its tab; losing the
/// selection while its tab is shown goes back to the catalog; otherwise the tab stays.
#[must_use]
pub fn tab_after_selection_change(current: SidebarTab, now_selected: bool) -> SidebarTab {
    match (now_selected, current) {
        (true, _) => SidebarTab::Selection,
        (false, SidebarTab::Selection) => SidebarTab::Catalog,
        (false, other) => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn the_tab_bar_switches_tabs_and_counts_issues() {
        let mut harness = Harness::new_ui_state(
            |ui, tab: &mut SidebarTab| {
                if let Some(clicked) = tab_bar_ui(
                    ui,
                    *tab,
                    TabCounts {
                        issues: 3,
                        selected: false,
                    },
                ) {
                    *tab = clicked;
                }
            },
            SidebarTab::Catalog,
        );
        harness.run();
        assert!(harness.query_by_label("Issues (3)").is_some());
        harness.get_by_label("Quote").click();
        harness.run();
        assert_eq!(*harness.state(), SidebarTab::Quote);
        harness.get_by_label("Issues (3)").click();
        harness.run();
        assert_eq!(*harness.state(), SidebarTab::Issues);
    }

    #[test]
    fn a_new_selection_shows_its_tab_and_losing_it_goes_back_to_the_catalog() {
        assert_eq!(
            tab_after_selection_change(SidebarTab::Quote, true),
            SidebarTab::Selection
        );
        assert_eq!(
            tab_after_selection_change(SidebarTab::Selection, false),
            SidebarTab::Catalog
        );
        assert_eq!(
            tab_after_selection_change(SidebarTab::Issues, false),
            SidebarTab::Issues
        );
    }
}
