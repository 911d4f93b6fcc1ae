import fp from 'fastify-plugin';
import { ActivityService } from '../../activities/activity-service.js';
import { activityRoutes } from '../routes/activities.js';
import { publicActivityRoutes } from '../routes/public-activities.js';
import { threeOnesRoutes } from '../routes/three-ones.js';

/**
 * Deputies' activities and their 三个一: the activity workflow over the
 * log, and the routes reading the three-ones read model (which the read
 * side starts with the others).
 */
export const activitiesPlugin = fp(
  async (app) => {
    const activities = new ActivityService(app.readModels.store, app.directory);
    await app.register(activityRoutes, { activities });
    await app.register(publicActivityRoutes);
    await app.register(threeOnesRoutes);
  },
  { name: 'huiyin-activities', dependencies: ['huiyin-read-models', 'huiyin-directory', 'huiyin-read-side'] },
);
