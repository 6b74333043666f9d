// GENERATED FILE: do not edit. Regenerate with `node scripts/generate-types.mjs`.
// Source: Koha REST API v1 specification (Koha REST API, Swagger 2.0),
// file ../../../shared/koha-openapi/koha-api-v1.bundled.json (sha256 c8feddaa0f582fd4f5718fd51497b3192a94a498eafaaf5f1e3f96f3bd9ad310),
// plus spec/koha-api-v1.additions.json (sha256 50860d0f5067a208fe12ad68876e72daf5e6a1cab0f2e2078cc19b48dd8cea6a),
// a subset of Koha 25.x's api/v1/swagger. The specification is part of Koha (GPL-3.0-or-later);
// only these derived types and the method/path table are generated from it, see README "Notices".
/* biome-ignore-all lint: generated code */

// ---- definitions ----

/** Koha `checkout` definition. */
export interface Checkout {
  /** internally assigned checkout identifier */
  checkout_id?: number;
  /** Internal patron identifier */
  patron_id?: number;
  item_id?: number | null;
  /** Internal booking identifier that this checkout fulfills */
  booking_id?: number | null;
  /** other identifier of checked out item f.e. barcode */
  external_id?: string | null;
  /** Due date */
  due_date?: string;
  /** code of the library the item was checked out */
  library_id?: string | null;
  /** internally assigned for the user that processed the checkout */
  issuer_id?: number | null;
  /** Date the item was returned */
  checkin_date?: string | null;
  /** Internal library identifier for the library at which the item was returned */
  checkin_library_id?: string | null;
  /** Date the item was last renewed */
  last_renewed_date?: string | null;
  /** Number of renewals */
  renewals_count?: number | null;
  /** Number of consecutive unseen renewals */
  unseen_renewals?: number | null;
  /** Auto renewal */
  auto_renew?: boolean;
  /** Auto renewal error */
  auto_renew_error?: string | null;
  /** Last update time */
  timestamp?: string;
  /** Date the item was issued */
  checkout_date?: string;
  /** On site checkout */
  onsite_checkout?: boolean;
  /** Issue note text */
  note?: string | null;
  /** Datetime of the issue note */
  note_date?: string | null;
  /** has the note been seen already */
  note_seen?: boolean | null;
  /** The object representing the checkout issuer */
  issuer?: Record<string, unknown> | null;
  /** The object representing the checked out item */
  item?: Record<string, unknown> | null;
  /** The object representing the checkout library */
  library?: Record<string, unknown> | null;
  /** The object representing the checkout patron */
  patron?: Record<string, unknown> | null;
  /** The object representing the linked booking */
  booking?: Record<string, unknown> | null;
}

/** Koha `checkouts` definition. */
export type Checkouts = Checkout[];

/** Koha `checkout_availability` definition. */
export interface CheckoutAvailability {
  /** blocking issues */
  blockers?: Record<string, unknown>;
  /** issues requireing confirmation */
  confirms?: Record<string, unknown>;
  /** informational issues */
  warnings?: Record<string, unknown>;
  /** token for confirmation */
  confirmation_token?: string | null;
}

/** Koha `item` definition. */
export interface Item {
  /** Internal item identifier */
  item_id?: number;
  /** Internal identifier for the parent bibliographic record */
  biblio_id?: number;
  /** The item's barcode */
  external_id?: string | null;
  /** The date the item was acquired */
  acquisition_date?: string | null;
  /** Information about the acquisition source (it is not really a vendor id) */
  acquisition_source?: string | null;
  /** Item level bookability override. */
  bookable?: boolean | null;
  /** Allow bookings on this item. */
  effective_bookable?: boolean;
  /** Internal library id for the library the item belongs to */
  home_library_id?: string | null;
  /** Purchase price */
  purchase_price?: number | null;
  /** Cost the library charges to replace the item (e.g. if lost) */
  replacement_price?: number | null;
  /** The date the replacement price is effective from */
  replacement_price_date?: string | null;
  /** The date the item was last checked out */
  last_checkout_date?: string | null;
  /** The date the item barcode was last scanned */
  last_seen_date?: string | null;
  /** Authorized value defining why this item is not for loan */
  not_for_loan_status?: number;
  /** Authorized value defining why this item is not for not_for_loan_status */
  effective_not_for_loan_status?: number;
  /** Authorized value defining this item as damaged */
  damaged_status?: number;
  /** The date and time an item was last marked as damaged, NULL if not damaged */
  damaged_date?: string | null;
  /** Authorized value defining this item as lost */
  lost_status?: number;
  /** The date and time an item was last marked as lost, NULL if not lost */
  lost_date?: string | null;
  /** Authorized value defining this item as withdrawn */
  withdrawn?: number;
  /** The date and time an item was last marked as withdrawn, NULL if not withdrawn */
  withdrawn_date?: string | null;
  /** Call number for this item */
  callnumber?: string | null;
  /** Coded location qualifier */
  coded_location_qualifier?: string | null;
  /** Number of times this item has been checked out/issued */
  checkouts_count?: number | null;
  /** Number of times this item has been renewed */
  renewals_count?: number | null;
  /** Number of times this item has been recorded for localuse */
  localuse?: number | null;
  /** Number of times this item has been placed on hold/reserved */
  holds_count?: number | null;
  /** Authorized value defining use restrictions for this item */
  restricted_status?: number | null;
  /** Public notes on this item */
  public_notes?: string | null;
  /** Non-public notes on this item */
  internal_notes?: string | null;
  /** Library that is currently in possession item */
  holding_library_id?: string | null;
  /** Date and time this item was last altered */
  timestamp?: string;
  /** Authorized value for the shelving location for this item */
  location?: string | null;
  /** Linked to the CART and PROC temporary locations feature, stores the permanent shelving location */
  permanent_location?: string | null;
  /** Defines if item is checked out (NULL for not checked out, and checkout date for checked out) */
  checked_out_date?: string | null;
  /** Classification source used on this item */
  call_number_source?: string | null;
  /** ? */
  call_number_sort?: string | null;
  /** Authorized value for the collection code associated with this item */
  collection_code?: string | null;
  /** Materials specified */
  materials_notes?: string | null;
  /** Shelving control number */
  shelving_control_number?: number | null;
  /** URL for the item */
  uri?: string | null;
  /** Itemtype defining the type for this item */
  item_type_id?: string | null;
  /** Effective itemtype defining the type for this item_id */
  effective_item_type_id?: string | null;
  /** Additional 952 subfields in XML format */
  extended_subfields?: string | null;
  /** serial enumeration/chronology for the item */
  serial_issue_number?: string | null;
  /** Copy number */
  copy_number?: string | null;
  /** Inventory number */
  inventory_number?: string | null;
  /** 'new' value, whatever free-text information. */
  new_status?: string | null;
  /** Exclude this item from local holds priority. */
  exclude_from_local_holds_priority?: boolean;
  /** An array of all return claims associated with this item */
  return_claims?: unknown[];
  return_claim?: Record<string, unknown> | null;
  home_library?: Record<string, unknown> | null;
  holding_library?: Record<string, unknown> | null;
  cover_image_ids?: unknown[] | null;
  item_group_item?: Record<string, unknown> | null;
  serial_item?: Record<string, unknown> | null;
  biblio?: Record<string, unknown> | null;
  checkout?: Record<string, unknown> | null;
  transfer?: Record<string, unknown> | null;
  first_hold?: Record<string, unknown> | null;
  recall?: Record<string, unknown> | null;
  item_type?: Record<string, unknown> | null;
  in_bundle?: boolean | null;
  bundle_host?: Record<string, unknown> | null;
  /** Number of lost items in the bundle */
  bundle_items_lost_count?: number | null;
  /** Number of items not lost in the bundle */
  bundle_items_not_lost_count?: number | null;
  course_item?: Record<string, unknown> | null;
  analytics_count?: number | null;
  /** A return claims object if one exists that's unresolved */
  _strings?: Record<string, unknown> | null;
  /** The status of the item */
  _status?: unknown[] | null;
}

/** Koha `error` definition. */
export interface ErrorBody {
  /** Error message */
  error?: string;
  /** Error code */
  error_code?: string;
  [key: string]: unknown;
}

/** Koha `extended_attribute_type` definition. */
export interface ExtendedAttributeType {
  /** internally assigned extended attribute type identifier */
  readonly extended_attribute_type_id: number;
  /** name of the resource type this extended attribute type corresponds to */
  resource_type: string;
  /** name of the extended attribute type */
  name?: string;
  /** authorised value category of the extended attribute type values */
  authorised_value_category_name?: string | null;
  /** marc field of the extended attribute type */
  marc_field?: string;
  /** marc field mode of the extended attribute type */
  marc_field_mode?: "get" | "set";
  /** is the extended attribute type searchable */
  searchable?: boolean;
  /** is the extended attribute type repetable */
  repeatable?: boolean;
}

/** Koha `extended_attribute_value` definition. */
export interface ExtendedAttributeValue {
  /** id of the field */
  readonly id?: string;
  /** FK in corresponding to id in additional_fields table */
  field_id?: number;
  /** ID corresponding to the object ID this additional field relates to */
  record_id?: string;
  /** value of the additional field */
  value?: string;
}

/** Koha `hold` definition. */
export interface Hold {
  /** Internal hold identifier */
  hold_id?: number;
  /** Internal patron identifier */
  patron_id?: number;
  /** The date the hold was placed */
  hold_date?: string | null;
  /** Internal biblio identifier */
  biblio_id?: number | null;
  /** Internal deleted biblio identifier */
  deleted_biblio_id?: number | null;
  /** Internal item group identifier */
  item_group_id?: string | null;
  /** Internal library identifier for the pickup library */
  pickup_library_id?: string | null;
  /** The id of the desk */
  desk_id?: number | null;
  /** The date the hold was cancelled */
  cancellation_date?: string | null;
  /** The reason the hold was cancelled */
  cancellation_reason?: string | null;
  /** Notes related to this hold */
  notes?: string | null;
  /** Where in the queue the patron sits */
  priority?: number | null;
  /** A one letter code defining what the status of the hold is after it has been confirmed */
  status?: string | null;
  /** Timestamp for the latest hold update */
  timestamp?: string;
  /** Internal item identifier */
  item_id?: number | null;
  /** The date the item was marked as waiting for the patron at the library */
  waiting_date?: string | null;
  /** The date the hold expires */
  expiration_date?: string | null;
  /** Controls if the hold is given the lowest priority on the queue */
  lowest_priority?: boolean;
  /** Controls if the hold is suspended */
  suspended?: boolean;
  /** Date until which the hold has been suspended */
  suspended_until?: string | null;
  /** Set this hold as non priority */
  non_priority?: boolean;
  /** If record level hold, the optional itemtype of the item the patron is requesting */
  item_type_id?: string | null;
  hold_group_id?: number | null;
  /** If the hold is placed at item level */
  item_level?: boolean;
  /** Cancellation requests count for the hold (x-koha-embed) */
  cancellation_requested?: boolean | null;
  /** Bibliographic record */
  biblio?: Record<string, unknown> | null;
  /** Deleted bibliographic record */
  deleted_biblio?: Record<string, unknown> | null;
  /** The item */
  item?: Record<string, unknown> | null;
  /** Pickup library */
  pickup_library?: Record<string, unknown> | null;
  /** Patron for hold */
  patron?: Record<string, unknown> | null;
  /** A list of stringified coded values */
  _strings?: Record<string, unknown> | null;
}

/** Koha `holds` definition. */
export type Holds = Hold[];

/** Koha `patron` definition. */
export interface Patron {
  /** Internal patron identifier */
  patron_id?: number;
  /** library assigned user identifier */
  cardnumber?: string | null;
  /** patron's last name */
  surname: string | null;
  /** patron's first name */
  firstname?: string | null;
  /** patron's preferred name */
  preferred_name?: string | null;
  /** patron's middle name */
  middle_name?: string | null;
  /** patron's title */
  title?: string | null;
  /** any other names associated with the patron */
  other_name?: string | null;
  /** initials of the patron */
  initials?: string | null;
  /** pronouns of the patron */
  pronouns?: string | null;
  /** street number of patron's primary address */
  street_number?: string | null;
  /** street type of patron's primary address */
  street_type?: string | null;
  /** first address line of patron's primary address */
  address?: string | null;
  /** second address line of patron's primary address */
  address2?: string | null;
  /** city or town of patron's primary address */
  city?: string | null;
  /** state or province of patron's primary address */
  state?: string | null;
  /** zip or postal code of patron's primary address */
  postal_code?: string | null;
  /** country of patron's primary address */
  country?: string | null;
  /** primary email address for patron's primary address */
  email?: string | null;
  /** primary phone number for patron's primary address */
  phone?: string | null;
  /** the other phone number for patron's primary address */
  mobile?: string | null;
  /** fax number for patron's primary address */
  fax?: string | null;
  /** secondary email address for patron's primary address */
  secondary_email?: string | null;
  /** secondary phone number for patron's primary address */
  secondary_phone?: string | null;
  /** street number of patron's alternate address */
  altaddress_street_number?: string | null;
  /** street type of patron's alternate address */
  altaddress_street_type?: string | null;
  /** first address line of patron's alternate address */
  altaddress_address?: string | null;
  /** second address line of patron's alternate address */
  altaddress_address2?: string | null;
  /** city or town of patron's alternate address */
  altaddress_city?: string | null;
  /** state or province of patron's alternate address */
  altaddress_state?: string | null;
  /** zip or postal code of patron's alternate address */
  altaddress_postal_code?: string | null;
  /** country of patron's alternate address */
  altaddress_country?: string | null;
  /** email address for patron's alternate address */
  altaddress_email?: string | null;
  /** phone number for patron's alternate address */
  altaddress_phone?: string | null;
  /** patron's date of birth */
  date_of_birth?: string | null;
  /** Internal identifier for the patron's home library */
  library_id: string;
  /** Internal identifier for the patron's category */
  category_id: string;
  /** date the patron was added to Koha */
  date_enrolled?: string | null;
  /** date the patron's card is set to expire */
  expiry_date?: string | null;
  /** date the patron's card was last renewed */
  date_renewed?: string | null;
  /** set to 1 if library marked this patron as having an unconfirmed address */
  incorrect_address?: boolean | null;
  /** set to 1 if library marked this patron as having lost his card */
  patron_card_lost?: boolean | null;
  /** If patron is expired */
  readonly expired?: boolean;
  /** If any restriction applies to the patron */
  readonly restricted?: boolean;
  /** a note on the patron's account */
  staff_notes?: string | null;
  /** used for children to include the relationship to their guarantor */
  relationship_type?: string | null;
  /** patron's gender */
  gender?: string | null;
  /** patron's login */
  userid?: string | null;
  /** a note on the patron's account visible in OPAC and staff interface */
  opac_notes?: string | null;
  /** a note related to patron's alternate address */
  altaddress_notes?: string | null;
  /** a field that can be used for any information unique to the library */
  statistics_1?: string | null;
  /** a field that can be used for any information unique to the library */
  statistics_2?: string | null;
  /** indicate whether auto-renewal is allowed for patron */
  autorenew_checkouts?: boolean;
  /** first name of alternate contact for the patron */
  altcontact_firstname?: string | null;
  /** surname or last name of the alternate contact for the patron */
  altcontact_surname?: string | null;
  /** the first address line for the alternate contact for the patron */
  altcontact_address?: string | null;
  /** the second address line for the alternate contact for the patron */
  altcontact_address2?: string | null;
  /** the city for the alternate contact for the patron */
  altcontact_city?: string | null;
  /** the state for the alternate contact for the patron */
  altcontact_state?: string | null;
  /** the zipcode for the alternate contact for the patron */
  altcontact_postal_code?: string | null;
  /** the country for the alternate contact for the patron */
  altcontact_country?: string | null;
  /** the phone number for the alternate contact for the patron */
  altcontact_phone?: string | null;
  /** the mobile phone number where the patron would like to receive notices (if SMS turned on) */
  sms_number?: string | null;
  /** the provider of the mobile phone number defined in smsalertnumber */
  sms_provider_id?: number | null;
  /** patron's privacy settings related to their checkout history */
  privacy?: number;
  /** controls if relatives can see this patron's checkouts */
  privacy_guarantor_checkouts?: boolean;
  /** controls if relatives can see this patron's fines */
  privacy_guarantor_fines?: boolean;
  /** produce a warning for this patron if this item has previously been checked out to this patron if 'yes', not if 'no', defer to category setting if 'inherit' */
  check_previous_checkout?: "yes" | "no" | "inherit";
  /** time of last change could be useful for synchronization with external systems (among others) */
  updated_on?: string;
  /** last time a patron has been seen (connected at the OPAC or staff interface) */
  last_seen?: string | null;
  /** lang to use to send notices to this patron */
  lang?: string;
  /** number of failed login attemps */
  login_attempts?: number | null;
  /** persist OverDrive auth token */
  overdrive_auth_token?: string | null;
  /** If the patron has been anonymized */
  readonly anonymized?: boolean;
  /** patron's extended attributes */
  extended_attributes?: PatronExtendedAttribute[];
  /** Number of checkouts */
  checkouts_count?: number | null;
  /** Number of overdued checkouts */
  overdues_count?: number | null;
  /** Balance of the patron's account */
  account_balance?: number | null;
  /** Library of the patron */
  library?: Record<string, unknown> | null;
  /** Protected status of the patron */
  protected?: boolean;
  /** patron's primary contact method */
  primary_contact_method?: string | null;
  /** A list of stringified coded values */
  _strings?: Record<string, unknown> | null;
}

/** Koha `patron_extended_attribute` definition. */
export interface PatronExtendedAttribute {
  /** Internal ID for the extended attribute */
  extended_attribute_id?: number;
  /** Extended attribute type */
  type: string;
  /** Extended attribute value */
  value: string | null;
}

/** Koha `vendor` definition. */
export interface Vendor {
  /** internally assigned vendor identifier */
  readonly id?: number;
  /** Vendor name */
  name: string;
  /** Vendor physical address (line 1) */
  address1?: string | null;
  /** Vendor physical address (line 2) */
  address2?: string | null;
  /** Vendor physical address (line 3) */
  address3?: string | null;
  /** Vendor physical address (line 4) */
  address4?: string | null;
  /** Vendor phone number */
  phone?: string | null;
  /** Vendor fax number */
  fax?: string | null;
  /** Vendor account number */
  accountnumber?: string | null;
  /** Type of vendor */
  type?: string | null;
  /** Vendor notes */
  notes?: string | null;
  /** Vendor postal address */
  postal?: string | null;
  /** Vendor web address */
  url?: string | null;
  /** Is this vendor active */
  active?: boolean | null;
  /** List prices currency */
  list_currency?: string | null;
  /** Invoice prices currency */
  invoice_currency?: string | null;
  /** Is the library taxed when buying from this vendor */
  gst?: boolean | null;
  /** List prices include taxes */
  list_includes_gst?: boolean | null;
  /** Invoice prices include taxes */
  invoice_includes_gst?: boolean | null;
  /** Default tax rate for items ordered from this vendor */
  tax_rate?: number | null;
  /** Default discount rate for items ordered from this vendor */
  discount?: number | null;
  /** Expected delivery time (in days) */
  deliverytime?: number | null;
  /** External id */
  external_id?: string | null;
  /** Payment method */
  payment_method?: string | null;
  /** List of aliases */
  aliases?: VendorAlias[];
  /** List of baskets */
  baskets?: unknown[];
  /** Number of linked baskets */
  baskets_count?: number | null;
  /** Number of linked subscriptions */
  subscriptions_count?: number | null;
  /** List of interfaces */
  interfaces?: unknown[];
  /** List of contacts */
  contacts?: unknown[];
  /** List of contracts */
  contracts?: unknown[];
  /** List of invoices */
  invoices?: unknown[];
  /** Number of linked invoices */
  invoices_count?: number | null;
  /** Related additional field values */
  extended_attributes?: ExtendedAttributeValue[];
  _strings?: Record<string, unknown> | null;
}

/** Koha `vendor_alias` definition. */
export interface VendorAlias {
  /** Internally assigned vendor alias identifier */
  vendor_alias_id?: number;
  /** Internally assigned vendor alias identifier */
  vendor_id?: number;
  /** The alias */
  alias: string;
}

/** Koha `vendor_interface` definition. */
export interface VendorInterface {
  /** Internally assigned vendor interface identifier */
  vendor_interface_id?: number;
  /** Internally assigned vendor identifier */
  vendor_id?: number;
  /** Type of the interface, authorised value VENDOR_INTERFACE_TYPE */
  type?: string;
  /** Name of the interface */
  name?: string;
  /** URI of the interface */
  uri?: string;
  /** Login to be used for the interface */
  login?: string;
  /** Hashed password */
  password?: string;
  /** Account email */
  account_email?: string;
  /** Interface notes */
  notes?: string;
}

/** Koha `vendor_issue` definition. */
export interface VendorIssue {
  /** internally assigned vendor identifier */
  readonly issue_id?: number;
  /** ID of the vendor */
  vendor_id?: number;
  /** Type of the issue */
  type?: string | null;
  /** Start date */
  started_on?: string | null;
  /** End date */
  ended_on?: string | null;
  /** Notes */
  notes?: string | null;
  /** A list of stringified coded values */
  _strings?: Record<string, unknown> | null;
}

/** Koha `vendors_config` definition. */
export interface VendorsConfig {
  /** List of permissions for the user */
  permissions?: Record<string, unknown>;
  /** List of currencies */
  currencies?: unknown[];
  /** List of tax rates */
  gst_values?: unknown[];
  /** EDIFACT system preference value */
  edifact?: boolean;
  /** MarcOrderingAutomation system preference value */
  marc_orders?: boolean;
  /** ERMModule system preference value */
  erm_module?: boolean;
}

/** Koha `library` definition. */
export interface Library {
  /** internally assigned library identifier */
  library_id: string;
  /** Printable name of library */
  name: string;
  /** the first address line of the library */
  address1?: string | null;
  /** the second address line of the library */
  address2?: string | null;
  /** the third address line of the library */
  address3?: string | null;
  /** the postal code of the library */
  postal_code?: string | null;
  /** the city or province of the library */
  city?: string | null;
  /** the reqional state of the library */
  state?: string | null;
  /** the county of the library */
  country?: string | null;
  /** the primary phone of the library */
  phone?: string | null;
  /** the fax number of the library */
  fax?: string | null;
  /** the primary email address of the library */
  email?: string | null;
  /** the ILL staff email address of the library */
  ill_email?: string | null;
  /** the email to be used as a Reply-To */
  reply_to_email?: string | null;
  /** the email to be used as Return-Path */
  return_path_email?: string | null;
  /** the URL for your library or branch's website */
  url?: string | null;
  /** the IP address for your library or branch */
  ip?: string | null;
  /** notes related to your library or branch */
  notes?: string | null;
  /** geolocation of your library */
  geolocation?: string | null;
  /** MARC Organization Code, see http://www.loc.gov/marc/organizations/orgshome.html, when empty defaults to syspref MARCOrgCode */
  marc_org_code?: string | null;
  /** If the library can act as a pickup location */
  pickup_location?: boolean;
  /** Array of items available for pickup at this library if the library is marked as a pickup location */
  pickup_items?: number[] | null;
  /** If the library is visible to the public */
  public?: boolean;
  /** The library effective SMTP server */
  smtp_server?: Record<string, unknown> | null;
  /** If the library needs an override to act as pickup location for a hold */
  needs_override?: boolean;
  /** The open and close times for a library on any given day */
  library_hours?: unknown[] | null;
  /** The library's defined cash registers (x-koha-embed) */
  cash_registers?: unknown[] | null;
  /** The library's defined desks (x-koha-embed) */
  desks?: unknown[] | null;
}

/** Koha `checkin` definition. */
export interface Checkin {
  /** Internal checkin identifier */
  checkin_id?: number;
  /** Internal item identifier */
  item_id?: number;
  /** Staff member who processed the checkin */
  user_id?: number | null;
  /** Library where the checkin took place */
  library_id?: string;
  /** Desk where the checkin took place */
  desk_id?: number | null;
  /** Date and time the checkin was processed */
  timestamp?: string;
  /** Whether fines were exempted */
  exempt_fine?: boolean;
  /** Whether this was recorded as a local use */
  local_use?: boolean;
  /** The returned checkout */
  checkout_id?: number | null;
  /** Transfer triggered by this checkin */
  transfer_id?: number | null;
  /** Hold filled by this checkin */
  hold_id?: number | null;
  /** Recall filled by this checkin */
  recall_id?: number | null;
  /** Restriction triggered by this checkin */
  restriction_id?: number | null;
  /** Return claim resolved by this checkin */
  claim_id?: number | null;
  /** The checked-in item (embeddable) */
  item?: Record<string, unknown> | null;
  /** The returned checkout (embeddable) */
  checkout?: Record<string, unknown> | null;
  /** The checkin library (embeddable) */
  library?: Record<string, unknown> | null;
  /** The staff member (embeddable) */
  user?: Record<string, unknown> | null;
  /** The desk (embeddable) */
  desk?: Record<string, unknown> | null;
  /** The transfer triggered (embeddable) */
  transfer?: Record<string, unknown> | null;
  /** The hold filled (embeddable) */
  hold?: Record<string, unknown> | null;
  /** The recall filled (embeddable) */
  recall?: Record<string, unknown> | null;
  /** The restriction triggered (embeddable) */
  restriction?: Record<string, unknown> | null;
  /** The return claim resolved (embeddable) */
  claim?: Record<string, unknown> | null;
  /** Debit account lines (embeddable) */
  debits?: unknown[] | null;
  /** Credit account lines (embeddable) */
  credits?: unknown[] | null;
}

// ---- operations ----

/** Every operation of the specification, keyed by operationId. */
export interface KohaOperations {
  /** List vendors */
  listVendors: {
    method: "GET";
    path: "/acquisitions/vendors";
    request: {
      query?: {
        /** Case insensitive search on vendor name */
        name?: string;
        /** Case insensitive search on vendor's account number */
        accountnumber?: string;
        /** Matching criteria */
        _match?: "contains" | "exact" | "starts_with" | "ends_with";
        /** Sorting criteria */
        _order_by?: readonly (string)[];
        /** Page number, for paginated object listing */
        _page?: number;
        /** Page size, for paginated object listing */
        _per_page?: number;
        /** Query filter sent as a request parameter */
        q?: readonly (string)[];
      };
      headers?: {
        /** Request id header */
        "x-koha-request-id"?: number;
        /** Embed list sent as a request header */
        "x-koha-embed"?: readonly ("aliases" | "baskets+count" | "subscriptions+count" | "invoices+count" | "extended_attributes" | "+strings")[];
      };
    };
    responses: {
      "200": Vendor[];
      "400": ErrorBody;
      "401": ErrorBody;
      "403": ErrorBody;
      "404": ErrorBody;
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** Add vendor */
  addVendor: {
    method: "POST";
    path: "/acquisitions/vendors";
    request: {
      body: Omit<Vendor, "id">;
    };
    responses: {
      "201": Vendor;
      "400": ErrorBody;
      "401": ErrorBody;
      "403": ErrorBody;
      "404": ErrorBody;
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** List acquisition vendors extended attribute types */
  listAcquisitionVendorsAdditionalFields: {
    method: "GET";
    path: "/acquisitions/vendors/extended_attribute_types";
    request: {
      query?: {
        /** filter by resource type */
        resource_type?: "vendor";
        /** Matching criteria */
        _match?: "contains" | "exact" | "starts_with" | "ends_with";
        /** Sorting criteria */
        _order_by?: readonly (string)[];
        /** Page number, for paginated object listing */
        _page?: number;
        /** Page size, for paginated object listing */
        _per_page?: number;
        /** Query filter sent as a request parameter */
        q?: readonly (string)[];
      };
    };
    responses: {
      "200": ExtendedAttributeType[];
      "400": ErrorBody;
      "403": ErrorBody;
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** get the Vendors config */
  getVendorsconfig: {
    method: "GET";
    path: "/acquisitions/vendors/config";
    request: {};
    responses: {
      "200": VendorsConfig;
      "400": ErrorBody;
      "403": ErrorBody;
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** Get vendor */
  getVendor: {
    method: "GET";
    path: "/acquisitions/vendors/{vendor_id}";
    request: {
      path: {
        /** Vendor id */
        vendor_id: number;
      };
      headers?: {
        /** Embed list sent as a request header */
        "x-koha-embed"?: readonly ("aliases" | "baskets+count" | "subscriptions+count" | "invoices+count" | "interfaces" | "contacts" | "contracts" | "extended_attributes" | "+strings")[];
      };
    };
    responses: {
      "200": Vendor;
      "400": ErrorBody;
      "401": ErrorBody;
      "403": ErrorBody;
      "404": ErrorBody;
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** Update vendor */
  updateVendor: {
    method: "PUT";
    path: "/acquisitions/vendors/{vendor_id}";
    request: {
      path: {
        /** Vendor id */
        vendor_id: number;
      };
      body: Omit<Vendor, "id">;
    };
    responses: {
      "200": Vendor;
      "400": ErrorBody;
      "401": ErrorBody;
      "403": ErrorBody;
      "404": ErrorBody;
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** Delete vendor */
  deleteVendor: {
    method: "DELETE";
    path: "/acquisitions/vendors/{vendor_id}";
    request: {
      path: {
        /** Vendor id */
        vendor_id: number;
      };
    };
    responses: {
      "204": undefined;
      "400": ErrorBody;
      "401": ErrorBody;
      "403": ErrorBody;
      "404": ErrorBody;
      "409": ErrorBody;
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** List vendor issues */
  listVendorIssues: {
    method: "GET";
    path: "/acquisitions/vendors/{vendor_id}/issues";
    request: {
      path: {
        /** Vendor id */
        vendor_id: number;
      };
      query?: {
        /** Case insensitive search on issue's id */
        issue_id?: number;
        /** Case insensitive search on vendor's id */
        vendor_id?: number;
        /** Case insensitive search on issue type */
        type?: string;
        /** Case insensitive search on issue start date */
        started_on?: string;
        /** Case insensitive search on issue end date */
        ended_on?: string;
        /** Case insensitive search on issue's notes */
        notes?: string;
        /** Matching criteria */
        _match?: "contains" | "exact" | "starts_with" | "ends_with";
        /** Sorting criteria */
        _order_by?: readonly (string)[];
        /** Page number, for paginated object listing */
        _page?: number;
        /** Page size, for paginated object listing */
        _per_page?: number;
        /** Query filter sent as a request parameter */
        q?: readonly (string)[];
      };
      headers?: {
        /** Embed list sent as a request header */
        "x-koha-embed"?: readonly ("+strings")[];
        /** Request id header */
        "x-koha-request-id"?: number;
      };
    };
    responses: {
      "200": VendorIssue[];
      "400": ErrorBody;
      "401": ErrorBody;
      "403": ErrorBody;
      "404": ErrorBody;
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** List biblios */
  listBiblio: {
    method: "GET";
    path: "/biblios";
    request: {
      query?: {
        /** Page number, for paginated object listing */
        _page?: number;
        /** Page size, for paginated object listing */
        _per_page?: number;
        /** Matching criteria */
        _match?: "contains" | "exact" | "starts_with" | "ends_with";
        /** Sorting criteria */
        _order_by?: readonly (string)[];
        /** Query filter sent as a request parameter */
        q?: readonly (string)[];
      };
      headers?: {
        /** Request id header */
        "x-koha-request-id"?: number;
      };
    };
    responses: {
      "200": unknown;
      "400": ErrorBody;
      "401": ErrorBody;
      "403": ErrorBody;
      "404": ErrorBody;
      "406": string[];
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** Add biblio */
  addBiblio: {
    method: "POST";
    path: "/biblios";
    request: {
      headers?: {
        /** Framework id. Use when content type is not application/json */
        "x-framework-id"?: string;
        /** March schema. One of MARC21 or UNIMARC */
        "x-record-schema"?: "MARC21" | "UNIMARC";
        /** Confirm the posted element is not a duplicate */
        "x-confirm-not-duplicate"?: number;
        /** Internal record source identifier. */
        "x-record-source-id"?: string;
      };
    };
    responses: {
      "200": unknown;
      "400": ErrorBody;
      "401": ErrorBody;
      "403": ErrorBody;
      "406": string[];
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** Get biblio */
  getBiblio: {
    method: "GET";
    path: "/biblios/{biblio_id}";
    request: {
      path: {
        /** Record internal identifier */
        biblio_id: number;
      };
    };
    responses: {
      "200": unknown;
      "400": ErrorBody;
      "401": ErrorBody;
      "403": ErrorBody;
      "404": ErrorBody;
      "406": string[];
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** Update biblio */
  updateBiblio: {
    method: "PUT";
    path: "/biblios/{biblio_id}";
    request: {
      path: {
        /** Record internal identifier */
        biblio_id: number;
      };
      headers?: {
        /** Framework id. Use when content type is not application/json */
        "x-framework-id"?: string;
        /** March schema. One of MARC21 or UNIMARC */
        "x-record-schema"?: "MARC21" | "UNIMARC";
        /** Confirm the posted element is not a duplicate */
        "x-confirm-not-duplicate"?: number;
      };
    };
    responses: {
      "200": unknown;
      "400": ErrorBody;
      "401": ErrorBody;
      "403": ErrorBody;
      "404": ErrorBody;
      "406": string[];
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** Delete biblio */
  deleteBiblio: {
    method: "DELETE";
    path: "/biblios/{biblio_id}";
    request: {
      path: {
        /** Record internal identifier */
        biblio_id: number;
      };
    };
    responses: {
      "204": string;
      "400": ErrorBody;
      "401": ErrorBody;
      "403": ErrorBody;
      "404": ErrorBody;
      "409": ErrorBody;
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** List checkouts for a biblio */
  listBiblioCheckouts: {
    method: "GET";
    path: "/biblios/{biblio_id}/checkouts";
    request: {
      path: {
        /** Record internal identifier */
        biblio_id: number;
      };
      query?: {
        /** Page number, for paginated object listing */
        _page?: number;
        /** Page size, for paginated object listing */
        _per_page?: number;
        /** Matching criteria */
        _match?: "contains" | "exact" | "starts_with" | "ends_with";
        /** Sorting criteria */
        _order_by?: readonly (string)[];
        /** Query filter sent as a request parameter */
        q?: readonly (string)[];
        /** By default, current checkouts are returned, when this is true then checked in checkouts are returned as result. */
        checked_in?: boolean;
      };
      headers?: {
        /** Request id header */
        "x-koha-request-id"?: number;
        /** Embed list sent as a request header */
        "x-koha-embed"?: readonly ("issuer" | "item" | "patron" | "library")[];
      };
    };
    responses: {
      "200": Checkouts;
      "400": ErrorBody;
      "403": ErrorBody;
      "404": ErrorBody;
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** Get items for a biblio */
  getBiblioItems: {
    method: "GET";
    path: "/biblios/{biblio_id}/items";
    request: {
      path: {
        /** Record internal identifier */
        biblio_id: number;
      };
      query?: {
        /** Matching criteria */
        _match?: "contains" | "exact" | "starts_with" | "ends_with";
        /** Sorting criteria */
        _order_by?: readonly (string)[];
        /** Page number, for paginated object listing */
        _page?: number;
        /** Page size, for paginated object listing */
        _per_page?: number;
        /** Query filter sent as a request parameter */
        q?: readonly (string)[];
        /** Limit to items that are bookable */
        bookable?: boolean;
      };
      headers?: {
        /** Embed list sent as a request header */
        "x-koha-embed"?: readonly ("+strings" | "_status" | "home_library" | "holding_library" | "biblio.title" | "checkout" | "checkout.patron" | "transfer" | "transfer+strings" | "first_hold" | "first_hold+strings" | "first_hold.patron" | "first_hold.desk" | "recall" | "recall+strings" | "recall.patron" | "item_type" | "in_bundle" | "bundle_host" | "bundle_host.biblio" | "bundle_items_lost+count" | "bundle_items_not_lost+count" | "course_item.course_reserves.course" | "analytics_count" | "cover_image_ids" | "item_group_item.item_group.description" | "serial_item.serial" | "return_claims" | "effective_bookable")[];
        /** Request id header */
        "x-koha-request-id"?: number;
      };
    };
    responses: {
      "200": Item[];
      "400": ErrorBody;
      "401": ErrorBody;
      "403": ErrorBody;
      "404": ErrorBody;
      "406": string[];
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** List checkouts */
  listCheckouts: {
    method: "GET";
    path: "/checkouts";
    request: {
      query?: {
        /** Internal patron identifier */
        patron_id?: number;
        /** Page number, for paginated object listing */
        _page?: number;
        /** Page size, for paginated object listing */
        _per_page?: number;
        /** Matching criteria */
        _match?: "contains" | "exact" | "starts_with" | "ends_with";
        /** Sorting criteria */
        _order_by?: readonly (string)[];
        /** Query filter sent as a request parameter */
        q?: readonly (string)[];
        /** By default, current checkouts are returned, when this is true then checked in checkouts are returned as result. */
        checked_in?: boolean;
      };
      headers?: {
        /** Request id header */
        "x-koha-request-id"?: number;
        /** Embed list sent as a request header */
        "x-koha-embed"?: readonly ("booking" | "issuer" | "item" | "item.biblio" | "library" | "patron" | "renewals")[];
      };
    };
    responses: {
      "200": Checkouts;
      "400": ErrorBody;
      "403": ErrorBody;
      "404": ErrorBody;
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** Add a new checkout */
  addCheckout: {
    method: "POST";
    path: "/checkouts";
    request: {
      query?: {
        /** A JWT confirmation token */
        confirmation?: string;
      };
      body: Checkout;
    };
    responses: {
      "201": Checkout;
      "400": ErrorBody;
      "401": ErrorBody;
      "403": ErrorBody;
      "409": ErrorBody;
      "412": ErrorBody;
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** Get checkout */
  getCheckout: {
    method: "GET";
    path: "/checkouts/{checkout_id}";
    request: {
      path: {
        /** Internal checkout identifier */
        checkout_id: number;
      };
      headers?: {
        /** Embed list sent as a request header */
        "x-koha-embed"?: readonly ("booking" | "issuer" | "item" | "item.biblio" | "library" | "patron" | "renewals")[];
      };
    };
    responses: {
      "200": Checkout;
      "400": ErrorBody;
      "403": ErrorBody;
      "404": ErrorBody;
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** Get checkout availability */
  availabilityCheckouts: {
    method: "GET";
    path: "/checkouts/availability";
    request: {
      query?: {
        /** Internal patron identifier */
        patron_id?: number;
        /** Internal item identifier */
        item_id?: number;
      };
    };
    responses: {
      "200": CheckoutAvailability;
      "400": ErrorBody;
      "403": ErrorBody;
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** List holds */
  listHolds: {
    method: "GET";
    path: "/holds";
    request: {
      query?: {
        /** Internal hold identifier */
        hold_id?: number;
        /** Internal patron identifier */
        patron_id?: number;
        /** Hold */
        hold_date?: string;
        /** Internal biblio identifier */
        biblio_id?: number;
        /** Internal item group identifier */
        item_group_id?: number;
        /** Internal library identifier for the pickup library */
        pickup_library_id?: string;
        /** The date the hold was cancelled */
        cancellation_date?: string;
        /** Notes related to this hold */
        notes?: string;
        /** Where in the queue the patron sits */
        priority?: number;
        /** Found status */
        status?: string;
        /** Time of latest update */
        timestamp?: string;
        /** Internal item identifier */
        item_id?: number;
        /** Date the item was marked as waiting for the patron */
        waiting_date?: string;
        /** Date the hold expires */
        expiration_date?: string;
        /** Lowest priority */
        lowest_priority?: boolean;
        /** Suspended */
        suspended?: boolean;
        /** Suspended until */
        suspended_until?: string;
        /** Non priority hold */
        non_priority?: boolean;
        /** Matching criteria */
        _match?: "contains" | "exact" | "starts_with" | "ends_with";
        /** Sorting criteria */
        _order_by?: readonly (string)[];
        /** Page number, for paginated object listing */
        _page?: number;
        /** Page size, for paginated object listing */
        _per_page?: number;
        /** Query filter sent as a request parameter */
        q?: readonly (string)[];
        /** By default, current holds are returned, when this is true then old holds are returned as result. */
        old?: boolean;
      };
      headers?: {
        /** Request id header */
        "x-koha-request-id"?: number;
        /** Embed list sent as a request header */
        "x-koha-embed"?: readonly ("+strings" | "cancellation_requested" | "biblio" | "deleted_biblio" | "pickup_library" | "item" | "patron")[];
      };
    };
    responses: {
      "200": Holds;
      "400": ErrorBody;
      "401": ErrorBody;
      "403": ErrorBody;
      "404": ErrorBody;
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** Place hold */
  addHold: {
    method: "POST";
    path: "/holds";
    request: {
      headers?: {
        /** Overrides list sent as a request header */
        "x-koha-override"?: readonly ("any" | "bad_address" | "card_lost" | "debt_limit" | "expired" | "hold_limit" | "restricted")[];
      };
      body: {
        /** Internal patron identifier */
        patron_id: number;
        /** Internal biblio identifier */
        biblio_id?: number | null;
        /** Internal item group identifier */
        item_group_id?: number | null;
        /** The date the hold was placed */
        hold_date?: string | null;
        /** Internal item identifier */
        item_id?: number | null;
        /** Internal library identifier for the pickup library */
        pickup_library_id: string;
        /** Hold end date */
        expiration_date?: string | null;
        /** Notes related to this hold */
        notes?: string | null;
        /** Limit hold on one itemtype (ignored for item-level holds) */
        item_type_id?: string | null;
        /** Set this hold as non priority */
        non_priority?: boolean | null;
      };
    };
    responses: {
      "201": Hold;
      "400": ErrorBody;
      "401": ErrorBody;
      "403": ErrorBody;
      "404": ErrorBody;
      "409": ErrorBody;
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** Update hold */
  overwriteHold: {
    method: "PUT";
    path: "/holds/{hold_id}";
    request: {
      path: {
        /** Internal hold identifier */
        hold_id: number;
      };
      body: {
        /** Position in waiting queue */
        priority?: number;
        /** Internal library identifier for the pickup library */
        pickup_library_id?: string;
        /** Date until which the hold has been suspended */
        suspended_until?: string;
      };
    };
    responses: {
      "200": Hold;
      "400": ErrorBody;
      "401": ErrorBody;
      "403": ErrorBody;
      "404": ErrorBody;
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** Cancel hold */
  deleteHold: {
    method: "DELETE";
    path: "/holds/{hold_id}";
    request: {
      path: {
        /** Internal hold identifier */
        hold_id: number;
      };
      headers?: {
        /** Overrides list sent as a request header */
        "x-koha-override"?: readonly ("cancellation-request-flow")[];
      };
    };
    responses: {
      "202": unknown;
      "204": undefined;
      "400": ErrorBody;
      "401": ErrorBody;
      "403": ErrorBody;
      "404": ErrorBody;
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** Update hold */
  editHold: {
    method: "PATCH";
    path: "/holds/{hold_id}";
    request: {
      path: {
        /** Internal hold identifier */
        hold_id: number;
      };
      body: {
        /** Position in waiting queue */
        priority?: number;
        /** Internal library identifier for the pickup library */
        pickup_library_id?: string;
        /** Date until which the hold has been suspended */
        suspended_until?: string;
        /** Hold date */
        hold_date?: string;
        /** Hold's expiration date */
        expiration_date?: string;
      };
    };
    responses: {
      "200": Hold;
      "400": ErrorBody;
      "401": ErrorBody;
      "403": ErrorBody;
      "404": ErrorBody;
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** List items */
  listItems: {
    method: "GET";
    path: "/items";
    request: {
      query?: {
        /** Search on the item's barcode */
        external_id?: string;
        /** Matching criteria */
        _match?: "contains" | "exact" | "starts_with" | "ends_with";
        /** Sorting criteria */
        _order_by?: readonly (string)[];
        /** Page number, for paginated object listing */
        _page?: number;
        /** Page size, for paginated object listing */
        _per_page?: number;
        /** Query filter sent as a request parameter */
        q?: readonly (string)[];
      };
      headers?: {
        /** Embed list sent as a request header */
        "x-koha-embed"?: readonly ("+strings" | "biblio" | "effective_bookable")[];
        /** Request id header */
        "x-koha-request-id"?: number;
      };
    };
    responses: {
      "200": Item[];
      "400": ErrorBody;
      "401": ErrorBody;
      "403": ErrorBody;
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** Get item */
  getItem: {
    method: "GET";
    path: "/items/{item_id}";
    request: {
      path: {
        /** Internal item identifier */
        item_id: number;
      };
      headers?: {
        /** Embed list sent as a request header */
        "x-koha-embed"?: readonly ("+strings" | "effective_bookable")[];
      };
    };
    responses: {
      "200": Item;
    };
  };
  /** List libraries */
  listLibraries: {
    method: "GET";
    path: "/libraries";
    request: {
      query?: {
        /** Case insensitive 'starts-with' search on name */
        name?: string;
        /** Case insensitive 'starts-with' search on address1 */
        address1?: string;
        /** Case insensitive 'starts-with' search on address2 */
        address2?: string;
        /** Case insensitive 'starts-with' search on address3 */
        address3?: string;
        /** Case insensitive 'starts-with' search on postal code */
        postal_code?: string;
        /** Case insensitive 'starts-with' search on city */
        city?: string;
        /** Case insensitive 'starts-with' search on state */
        state?: string;
        /** Case insensitive 'starts_with' search on country */
        country?: string;
        /** Case insensitive 'starts_with' search on phone number */
        phone?: string;
        /** Case insensitive 'starts_with' search on fax number */
        fax?: string;
        /** Case insensitive 'starts_with' search on email address */
        email?: string;
        /** Case insensitive 'starts_with' search on Reply-To email address */
        reply_to_email?: string;
        /** Case insensitive 'starts_with' search on Return-Path email address */
        return_path_email?: string;
        /** Case insensitive 'starts_with' search on website URL */
        url?: string;
        /** Case insensitive 'starts_with' search on IP address */
        ip?: string;
        /** Case insensitive 'starts_with' search on notes */
        notes?: string;
        /** Matching criteria */
        _match?: "contains" | "exact" | "starts_with" | "ends_with";
        /** Sorting criteria */
        _order_by?: readonly (string)[];
        /** Page number, for paginated object listing */
        _page?: number;
        /** Page size, for paginated object listing */
        _per_page?: number;
        /** Query filter sent as a request parameter */
        q?: readonly (string)[];
      };
      headers?: {
        /** Request id header */
        "x-koha-request-id"?: number;
        /** Embed list sent as a request header */
        "x-koha-embed"?: readonly ("cash_registers" | "desks" | "smtp_server" | "library_hours")[];
      };
    };
    responses: {
      "200": Library[];
      "400": ErrorBody;
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** Get access token */
  tokenOAuth: {
    method: "POST";
    path: "/oauth/token";
    request: {
      form: {
        /** grant type (client_credentials) */
        grant_type: string;
        /** client id */
        client_id?: string;
        /** client secret */
        client_secret?: string;
      };
    };
    responses: {
      "200": {
        access_token?: string;
        token_type?: string;
        expires_in?: number;
      };
      "400": ErrorBody;
      "403": ErrorBody;
    };
  };
  /** List patrons */
  listPatrons: {
    method: "GET";
    path: "/patrons";
    request: {
      query?: {
        /** Search on patron_id */
        patron_id?: string;
        /** Case insensitive search on cardnumber */
        cardnumber?: string;
        /** Case insensitive search on surname */
        surname?: string;
        /** Case insensitive search on firstname */
        firstname?: string;
        /** Case insensitive search on preferred name */
        preferred_name?: string;
        /** Case insensitive search on title */
        title?: string;
        /** Case insensitive search on othernames */
        other_name?: string;
        /** Case insensitive search on initials */
        initials?: string;
        /** Case insensitive search on streetnumber */
        street_number?: string;
        /** Case insensitive search on streettype */
        street_type?: string;
        /** Case insensitive search on address */
        address?: string;
        /** Case insensitive search on address2 */
        address2?: string;
        /** Case insensitive search on city */
        city?: string;
        /** Case insensitive search on state */
        state?: string;
        /** Case insensitive search on zipcode */
        postal_code?: string;
        /** Case insensitive search on country */
        country?: string;
        /** Case insensitive search on email */
        email?: string;
        /** Case insensitive search on phone */
        phone?: string;
        /** Case insensitive search on mobile */
        mobile?: string;
        /** Case insensitive search on fax */
        fax?: string;
        /** Case insensitive search on secondary_email */
        secondary_email?: string;
        /** Case insensitive search on secondary_phone */
        secondary_phone?: string;
        /** Case insensitive search on altaddress_street_number */
        altaddress_street_number?: string;
        /** Case insensitive search on altaddress_street_type */
        altaddress_street_type?: string;
        /** Case insensitive search on altaddress_address */
        altaddress_address?: string;
        /** Case insensitive search on altaddress_address2 */
        altaddress_address2?: string;
        /** Case insensitive search on altaddress_city */
        altaddress_city?: string;
        /** Case insensitive search on altaddress_state */
        altaddress_state?: string;
        /** Case insensitive search on altaddress_postal_code */
        altaddress_postal_code?: string;
        /** Case insensitive search on altaddress_country */
        altaddress_country?: string;
        /** Case insensitive search on altaddress_email */
        altaddress_email?: string;
        /** Case insensitive search on altaddress_phone */
        altaddress_phone?: string;
        /** Case insensitive search on date_of_birth */
        date_of_birth?: string;
        /** Case insensitive search on library_id */
        library_id?: string;
        /** Case insensitive search on category_id */
        category_id?: string;
        /** Case insensitive search on date_enrolled */
        date_enrolled?: string;
        /** Case insensitive search on expiry_date */
        expiry_date?: string;
        /** Search on incorrect_address */
        incorrect_address?: boolean;
        /** Search on patron_card_lost */
        patron_card_lost?: boolean;
        /** Filter search by restricted */
        restricted?: boolean;
        /** Case insensitive search on staff_notes */
        staff_notes?: string;
        /** Case insensitive search on relationship_type */
        relationship_type?: string;
        /** Case insensitive search on gender */
        gender?: string;
        /** Case insensitive search on userid */
        userid?: string;
        /** Case insensitive search on opac_notes */
        opac_notes?: string;
        /** Case insensitive search on altaddress_notes */
        altaddress_notes?: string;
        /** Case insensitive search on statistics_1 */
        statistics_1?: string;
        /** Case insensitive search on statistics_2 */
        statistics_2?: string;
        /** Search on autorenew_checkouts */
        autorenew_checkouts?: boolean;
        /** Case insensitive search on altcontact_firstname */
        altcontact_firstname?: string;
        /** Case insensitive search on altcontact_surname */
        altcontact_surname?: string;
        /** Case insensitive search on altcontact_address */
        altcontact_address?: string;
        /** Case insensitive search on altcontact_address2 */
        altcontact_address2?: string;
        /** Case insensitive search on altcontact_city */
        altcontact_city?: string;
        /** Case insensitive search on altcontact_state */
        altcontact_state?: string;
        /** Case insensitive search on altcontact_postal_code */
        altcontact_postal_code?: string;
        /** Case insensitive search on altcontact_country */
        altcontact_country?: string;
        /** Case insensitive search on altcontact_phone */
        altcontact_phone?: string;
        /** Case insensitive search on sms_number */
        sms_number?: string;
        /** Case insensitive search on sms_provider_id */
        sms_provider_id?: string;
        /** Search on privacy */
        privacy?: string;
        /** Search on privacy_guarantor_checkouts */
        privacy_guarantor_checkouts?: string;
        /** Case insensitive search on check_previous_checkout */
        check_previous_checkout?: string;
        /** Search on updated_on */
        updated_on?: string;
        /** Case insensitive search on last_seen */
        last_seen?: string;
        /** Case insensitive search on lang */
        lang?: string;
        /** Search on login_attempts */
        login_attempts?: string;
        /** Search on protected status */
        protected?: boolean;
        /** Case insensitive search on primary_contact_method */
        primary_contact_method?: string;
        /** Matching criteria */
        _match?: "contains" | "exact" | "starts_with" | "ends_with";
        /** Sorting criteria */
        _order_by?: readonly (string)[];
        /** Page number, for paginated object listing */
        _page?: number;
        /** Page size, for paginated object listing */
        _per_page?: number;
        /** Query filter sent as a request parameter */
        q?: readonly (string)[];
      };
      headers?: {
        /** Request id header */
        "x-koha-request-id"?: number;
        /** Embed list sent as a request header */
        "x-koha-embed"?: readonly ("extended_attributes" | "checkouts+count" | "overdues+count" | "account_balance" | "library")[];
      };
    };
    responses: {
      "200": Patron[];
      "400": ErrorBody;
      "401": ErrorBody;
      "403": ErrorBody;
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** Add patron */
  addPatron: {
    method: "POST";
    path: "/patrons";
    request: {
      headers?: {
        /** Confirm the posted element is not a duplicate */
        "x-confirm-not-duplicate"?: number;
        /** Overrides list sent as a request header */
        "x-koha-override"?: readonly ("welcome_yes" | "welcome_no")[];
      };
      body: Omit<Patron, "expired" | "restricted" | "anonymized">;
    };
    responses: {
      "201": unknown;
      "400": ErrorBody;
      "401": ErrorBody;
      "403": ErrorBody;
      "404": ErrorBody;
      "409": ErrorBody;
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** Get patron */
  getPatron: {
    method: "GET";
    path: "/patrons/{patron_id}";
    request: {
      path: {
        /** Internal patron identifier */
        patron_id: number;
      };
      headers?: {
        /** Embed list sent as a request header */
        "x-koha-embed"?: readonly ("+strings" | "extended_attributes")[];
      };
    };
    responses: {
      "200": Patron;
      "400": ErrorBody;
      "401": ErrorBody;
      "403": ErrorBody;
      "404": ErrorBody;
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** Renew a checkout */
  renewCheckout: {
    method: "POST";
    path: "/checkouts/{checkout_id}/renewal";
    request: {
      path: {
        /** Internal checkout identifier */
        checkout_id: number;
      };
      query?: {
        /** Item was seen flag */
        seen?: number;
      };
    };
    responses: {
      "201": Checkout;
      "400": ErrorBody;
      "401": ErrorBody;
      "403": ErrorBody;
      "404": ErrorBody;
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** Renew a checkout (the newer name of the same route) */
  renewsCheckout: {
    method: "POST";
    path: "/checkouts/{checkout_id}/renewals";
    request: {
      path: {
        /** Internal checkout identifier */
        checkout_id: number;
      };
      query?: {
        /** Item was seen flag */
        seen?: number;
      };
    };
    responses: {
      "201": Checkout;
      "400": ErrorBody;
      "401": ErrorBody;
      "403": ErrorBody;
      "404": ErrorBody;
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** Check validity of username and password */
  validateUserAndPassword: {
    method: "POST";
    path: "/auth/password/validation";
    request: {
      body?: {
        /** A patron identifier (`userid` or `cardnumber`) */
        identifier?: string;
        /** Password (plain text) */
        password: string;
        /** A patron userid */
        userid?: string;
      };
    };
    responses: {
      "201": {
        /** cardnumber for the validated patron */
        cardnumber?: string;
        /** Internal patron identifier */
        patron_id?: number;
        /** userid for the validated patron */
        userid?: string;
      };
      "400": ErrorBody;
      "401": ErrorBody;
      "403": ErrorBody;
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
  /** Check in (return) an item */
  addCheckin: {
    method: "POST";
    path: "/checkins";
    request: {
      query?: {
        /** A JWT confirmation token */
        confirmation?: string;
      };
      headers?: {
        /** Embed list sent as a request header */
        "x-koha-embed"?: readonly ("checkout" | "claim" | "credits" | "debits" | "desk" | "hold" | "hold.patron" | "item" | "item.biblio" | "library" | "recall" | "recall.patron" | "restriction" | "transfer" | "user")[];
      };
      body: {
        /** Internal item identifier. Mutually exclusive with external_id. */
        item_id?: number;
        /** Item barcode. Mutually exclusive with item_id. */
        external_id?: string;
        /** Library where the return takes place */
        library_id?: string;
        /** Exempt fines on this return */
        exempt_fine?: boolean;
        /** Override return date (ISO 8601 datetime) */
        return_date?: string;
        /** Use book drop mode (calculate return date as last open day) */
        dropbox_mode?: boolean;
      };
    };
    responses: {
      "200": Checkin;
      "400": ErrorBody;
      "401": ErrorBody;
      "403": ErrorBody;
      "404": ErrorBody;
      "412": ErrorBody;
      "500": ErrorBody;
      "503": ErrorBody;
    };
  };
}

/** How a parameter value is serialised: one value, comma-joined, or repeated (`multi`). */
export type ParamFormat = 'single' | 'csv' | 'ssv' | 'tsv' | 'pipes' | 'multi';

/** What the client needs at run time to build a request for an operation. */
export interface OperationMeta {
  readonly method: string;
  readonly path: string;
  readonly pathParams: readonly string[];
  readonly query: Readonly<Record<string, ParamFormat>>;
  readonly headers: Readonly<Record<string, ParamFormat>>;
  readonly form: readonly string[];
  readonly body: boolean;
  readonly produces: readonly string[];
}

export const kohaOperations = {
  listVendors: {"method":"GET","path":"/acquisitions/vendors","pathParams":[],"query":{"name":"single","accountnumber":"single","_match":"single","_order_by":"csv","_page":"single","_per_page":"single","q":"multi"},"headers":{"x-koha-request-id":"single","x-koha-embed":"csv"},"form":[],"body":false,"produces":["application/json"]},
  addVendor: {"method":"POST","path":"/acquisitions/vendors","pathParams":[],"query":{},"headers":{},"form":[],"body":true,"produces":["application/json"]},
  listAcquisitionVendorsAdditionalFields: {"method":"GET","path":"/acquisitions/vendors/extended_attribute_types","pathParams":[],"query":{"resource_type":"single","_match":"single","_order_by":"csv","_page":"single","_per_page":"single","q":"multi"},"headers":{},"form":[],"body":false,"produces":["application/json"]},
  getVendorsconfig: {"method":"GET","path":"/acquisitions/vendors/config","pathParams":[],"query":{},"headers":{},"form":[],"body":false,"produces":["application/json"]},
  getVendor: {"method":"GET","path":"/acquisitions/vendors/{vendor_id}","pathParams":["vendor_id"],"query":{},"headers":{"x-koha-embed":"csv"},"form":[],"body":false,"produces":["application/json"]},
  updateVendor: {"method":"PUT","path":"/acquisitions/vendors/{vendor_id}","pathParams":["vendor_id"],"query":{},"headers":{},"form":[],"body":true,"produces":["application/json"]},
  deleteVendor: {"method":"DELETE","path":"/acquisitions/vendors/{vendor_id}","pathParams":["vendor_id"],"query":{},"headers":{},"form":[],"body":false,"produces":["application/json"]},
  listVendorIssues: {"method":"GET","path":"/acquisitions/vendors/{vendor_id}/issues","pathParams":["vendor_id"],"query":{"issue_id":"single","vendor_id":"single","type":"single","started_on":"single","ended_on":"single","notes":"single","_match":"single","_order_by":"csv","_page":"single","_per_page":"single","q":"multi"},"headers":{"x-koha-embed":"csv","x-koha-request-id":"single"},"form":[],"body":false,"produces":["application/json"]},
  listBiblio: {"method":"GET","path":"/biblios","pathParams":[],"query":{"_page":"single","_per_page":"single","_match":"single","_order_by":"csv","q":"multi"},"headers":{"x-koha-request-id":"single"},"form":[],"body":false,"produces":["application/json","application/marcxml+xml","application/marc-in-json","application/marc","text/plain"]},
  addBiblio: {"method":"POST","path":"/biblios","pathParams":[],"query":{},"headers":{"x-framework-id":"single","x-record-schema":"single","x-confirm-not-duplicate":"single","x-record-source-id":"single"},"form":[],"body":false,"produces":["application/json"]},
  getBiblio: {"method":"GET","path":"/biblios/{biblio_id}","pathParams":["biblio_id"],"query":{},"headers":{},"form":[],"body":false,"produces":["application/json","application/marcxml+xml","application/marc-in-json","application/marc","text/plain"]},
  updateBiblio: {"method":"PUT","path":"/biblios/{biblio_id}","pathParams":["biblio_id"],"query":{},"headers":{"x-framework-id":"single","x-record-schema":"single","x-confirm-not-duplicate":"single"},"form":[],"body":false,"produces":["application/json"]},
  deleteBiblio: {"method":"DELETE","path":"/biblios/{biblio_id}","pathParams":["biblio_id"],"query":{},"headers":{},"form":[],"body":false,"produces":["application/json"]},
  listBiblioCheckouts: {"method":"GET","path":"/biblios/{biblio_id}/checkouts","pathParams":["biblio_id"],"query":{"_page":"single","_per_page":"single","_match":"single","_order_by":"csv","q":"multi","checked_in":"single"},"headers":{"x-koha-request-id":"single","x-koha-embed":"csv"},"form":[],"body":false,"produces":["application/json"]},
  getBiblioItems: {"method":"GET","path":"/biblios/{biblio_id}/items","pathParams":["biblio_id"],"query":{"_match":"single","_order_by":"csv","_page":"single","_per_page":"single","q":"multi","bookable":"single"},"headers":{"x-koha-embed":"csv","x-koha-request-id":"single"},"form":[],"body":false,"produces":["application/json"]},
  listCheckouts: {"method":"GET","path":"/checkouts","pathParams":[],"query":{"patron_id":"single","_page":"single","_per_page":"single","_match":"single","_order_by":"csv","q":"multi","checked_in":"single"},"headers":{"x-koha-request-id":"single","x-koha-embed":"csv"},"form":[],"body":false,"produces":["application/json"]},
  addCheckout: {"method":"POST","path":"/checkouts","pathParams":[],"query":{"confirmation":"single"},"headers":{},"form":[],"body":true,"produces":["application/json"]},
  getCheckout: {"method":"GET","path":"/checkouts/{checkout_id}","pathParams":["checkout_id"],"query":{},"headers":{"x-koha-embed":"csv"},"form":[],"body":false,"produces":["application/json"]},
  availabilityCheckouts: {"method":"GET","path":"/checkouts/availability","pathParams":[],"query":{"patron_id":"single","item_id":"single"},"headers":{},"form":[],"body":false,"produces":["application/json"]},
  listHolds: {"method":"GET","path":"/holds","pathParams":[],"query":{"hold_id":"single","patron_id":"single","hold_date":"single","biblio_id":"single","item_group_id":"single","pickup_library_id":"single","cancellation_date":"single","notes":"single","priority":"single","status":"single","timestamp":"single","item_id":"single","waiting_date":"single","expiration_date":"single","lowest_priority":"single","suspended":"single","suspended_until":"single","non_priority":"single","_match":"single","_order_by":"csv","_page":"single","_per_page":"single","q":"multi","old":"single"},"headers":{"x-koha-request-id":"single","x-koha-embed":"csv"},"form":[],"body":false,"produces":["application/json"]},
  addHold: {"method":"POST","path":"/holds","pathParams":[],"query":{},"headers":{"x-koha-override":"csv"},"form":[],"body":true,"produces":["application/json"]},
  overwriteHold: {"method":"PUT","path":"/holds/{hold_id}","pathParams":["hold_id"],"query":{},"headers":{},"form":[],"body":true,"produces":["application/json"]},
  deleteHold: {"method":"DELETE","path":"/holds/{hold_id}","pathParams":["hold_id"],"query":{},"headers":{"x-koha-override":"csv"},"form":[],"body":false,"produces":["application/json"]},
  editHold: {"method":"PATCH","path":"/holds/{hold_id}","pathParams":["hold_id"],"query":{},"headers":{},"form":[],"body":true,"produces":["application/json"]},
  listItems: {"method":"GET","path":"/items","pathParams":[],"query":{"external_id":"single","_match":"single","_order_by":"csv","_page":"single","_per_page":"single","q":"multi"},"headers":{"x-koha-embed":"csv","x-koha-request-id":"single"},"form":[],"body":false,"produces":["application/json"]},
  getItem: {"method":"GET","path":"/items/{item_id}","pathParams":["item_id"],"query":{},"headers":{"x-koha-embed":"csv"},"form":[],"body":false,"produces":["application/json"]},
  listLibraries: {"method":"GET","path":"/libraries","pathParams":[],"query":{"name":"single","address1":"single","address2":"single","address3":"single","postal_code":"single","city":"single","state":"single","country":"single","phone":"single","fax":"single","email":"single","reply_to_email":"single","return_path_email":"single","url":"single","ip":"single","notes":"single","_match":"single","_order_by":"csv","_page":"single","_per_page":"single","q":"multi"},"headers":{"x-koha-request-id":"single","x-koha-embed":"csv"},"form":[],"body":false,"produces":["application/json"]},
  tokenOAuth: {"method":"POST","path":"/oauth/token","pathParams":[],"query":{},"headers":{},"form":["grant_type","client_id","client_secret"],"body":false,"produces":["application/json"]},
  listPatrons: {"method":"GET","path":"/patrons","pathParams":[],"query":{"patron_id":"single","cardnumber":"single","surname":"single","firstname":"single","preferred_name":"single","title":"single","other_name":"single","initials":"single","street_number":"single","street_type":"single","address":"single","address2":"single","city":"single","state":"single","postal_code":"single","country":"single","email":"single","phone":"single","mobile":"single","fax":"single","secondary_email":"single","secondary_phone":"single","altaddress_street_number":"single","altaddress_street_type":"single","altaddress_address":"single","altaddress_address2":"single","altaddress_city":"single","altaddress_state":"single","altaddress_postal_code":"single","altaddress_country":"single","altaddress_email":"single","altaddress_phone":"single","date_of_birth":"single","library_id":"single","category_id":"single","date_enrolled":"single","expiry_date":"single","incorrect_address":"single","patron_card_lost":"single","restricted":"single","staff_notes":"single","relationship_type":"single","gender":"single","userid":"single","opac_notes":"single","altaddress_notes":"single","statistics_1":"single","statistics_2":"single","autorenew_checkouts":"single","altcontact_firstname":"single","altcontact_surname":"single","altcontact_address":"single","altcontact_address2":"single","altcontact_city":"single","altcontact_state":"single","altcontact_postal_code":"single","altcontact_country":"single","altcontact_phone":"single","sms_number":"single","sms_provider_id":"single","privacy":"single","privacy_guarantor_checkouts":"single","check_previous_checkout":"single","updated_on":"single","last_seen":"single","lang":"single","login_attempts":"single","protected":"single","primary_contact_method":"single","_match":"single","_order_by":"csv","_page":"single","_per_page":"single","q":"multi"},"headers":{"x-koha-request-id":"single","x-koha-embed":"csv"},"form":[],"body":false,"produces":["application/json"]},
  addPatron: {"method":"POST","path":"/patrons","pathParams":[],"query":{},"headers":{"x-confirm-not-duplicate":"single","x-koha-override":"csv"},"form":[],"body":true,"produces":["application/json"]},
  getPatron: {"method":"GET","path":"/patrons/{patron_id}","pathParams":["patron_id"],"query":{},"headers":{"x-koha-embed":"csv"},"form":[],"body":false,"produces":["application/json"]},
  renewCheckout: {"method":"POST","path":"/checkouts/{checkout_id}/renewal","pathParams":["checkout_id"],"query":{"seen":"single"},"headers":{},"form":[],"body":false,"produces":["application/json"]},
  renewsCheckout: {"method":"POST","path":"/checkouts/{checkout_id}/renewals","pathParams":["checkout_id"],"query":{"seen":"single"},"headers":{},"form":[],"body":false,"produces":["application/json"]},
  validateUserAndPassword: {"method":"POST","path":"/auth/password/validation","pathParams":[],"query":{},"headers":{},"form":[],"body":true,"produces":["application/json"]},
  addCheckin: {"method":"POST","path":"/checkins","pathParams":[],"query":{"confirmation":"single"},"headers":{"x-koha-embed":"csv"},"form":[],"body":true,"produces":["application/json"]},
} as const satisfies Record<keyof KohaOperations, OperationMeta>;

export type KohaOperationId = keyof KohaOperations;
