/** The services the reseller resells, as 21Vianet operates them in China. */
export const CLOUD_SERVICES = ['azure', 'microsoft365', 'dynamics365', 'power-bi', 'other'] as const;
export type CloudService = (typeof CLOUD_SERVICES)[number];

export const SUBSCRIPTION_STATUSES = ['active', 'suspended', 'cancelled'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export const CUSTOMER_LOCALES = ['en', 'fr', 'zh'] as const;
export type CustomerLocale = (typeof CUSTOMER_LOCALES)[number];

export interface CustomerContact {
  name: string;
  email: string;
  phone?: string;
}
