interface Acted { by: string; role: string; at: string }
export interface Person { name: string; organisation: string; customerId?: string }
export interface ForumPlan extends Acted { planNo: number; title: string; plannedOn: string; venue?: string | null; invitees: Person[]; agenda: string[]; budgetYuan: number }
export interface ForumMinutes extends Acted { heldOn: string; title: string; attendees: Person[]; topics: string[]; minutes: string; followUps: Array<{ action: string; department: string; dueOn?: string }> }
/** GET /customer-forums/:id as far as the page reads it. */
export interface ForumView {
  forumId: string; state: string; plan: ForumPlan | null; minutes: ForumMinutes | null;
  decisions: Array<Acted & { type: 'ForumPlanApproved' | 'ForumPlanReturned'; planNo: number; comment?: string | null; reason?: string }>;
}
/** GET /customer-forums */
export interface ForumsList {
  asOf: string; years: Array<{ year: number; status: string }>;
  forums: Array<{ forumId: string; heldOn: string; year: number; title: string; attendees: number; topics: string[]; filedBy: string }>;
}
